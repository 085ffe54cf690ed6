import type { DataSource } from 'typeorm';
import type { ReadinessCheck } from './probe-routes';

/**
 * Readiness: every migration this build knows is recorded in the schema's `migrations` table, read
 * with the owner's connection (the service role may not read it). Once met it stays met for the
 * process: a build's migrations are not undone under it.
 */
export function migrationsApplied(owner: DataSource, schema: string): ReadinessCheck {
  let met = false;
  return async () => {
    if (met) return null;
    const rows: { name: string }[] = await owner.query(`SELECT name FROM "${schema}".migrations`);
    const recorded = new Set(rows.map((r) => r.name));
    const missing = owner.migrations.map((m) => m.name ?? m.constructor.name).filter((n) => !recorded.has(n));
    if (missing.length > 0) return `migrations not applied: ${missing.join(', ')}`;
    met = true;
    return null;
  };
}
