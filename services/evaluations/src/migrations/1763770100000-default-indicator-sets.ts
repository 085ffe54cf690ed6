import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_INDICATOR_SETS } from '../indicator/default-indicator-sets';

/** A stable id per default set, so the data migration is repeatable and reversible. */
export function defaultSetId(tier: string): string {
  const h = createHash('sha256').update(`sunlight:default-indicator-set:${tier}:1`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Data migration: the platform's default indicator sets, one per tier (5 aspects, 27 indicators). */
export class DefaultIndicatorSets1763770100000 implements MigrationInterface {
  name = 'DefaultIndicatorSets1763770100000';

  async up(q: QueryRunner): Promise<void> {
    for (const set of DEFAULT_INDICATOR_SETS) {
      await q.query(
        `INSERT INTO indicator_set (id, owner_unit, tier, version, name, status, content, created_by)
         VALUES ($1, NULL, $2, 1, $3, 'ACTIVE', $4, 'migration') ON CONFLICT DO NOTHING`,
        [defaultSetId(set.tier), set.tier, set.name, JSON.stringify(set)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM indicator_set WHERE id = ANY($1::uuid[])', [
      DEFAULT_INDICATOR_SETS.map((s) => defaultSetId(s.tier)),
    ]);
  }
}
