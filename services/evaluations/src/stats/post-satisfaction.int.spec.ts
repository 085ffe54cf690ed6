import { randomUUID } from 'node:crypto';
import type { EvaluationsContext } from '../evaluations.context';
import { openEvaluationsDatabase, people, type EvaluationsDatabase } from '../testing/evaluations-database';
import { createSatisfactionLoaders } from './satisfaction.loader';
import { PostSatisfactionResolver } from './satisfaction.resolver';

/** Issue 16, finding 8: post-level satisfaction is an aggregate, public as unit satisfaction is. */
describe('Post.satisfaction', () => {
  let db: EvaluationsDatabase;
  const post = randomUUID();

  beforeAll(async () => {
    db = await openEvaluationsDatabase(new Date('2026-11-16T02:00:00Z'));
    const department = randomUUID();
    for (const [i, score] of [5, 4, 2].entries()) {
      await db.ds.query(
        `INSERT INTO rating (id, source, unit_code, department_id, post_id, step_no, score, rated_on)
         VALUES ($1, 'CASE', '139901001000', $2, $3, 1, $4, $5)`,
        [randomUUID(), department, post, score, `2026-11-0${i + 2}`],
      );
    }
  });
  afterAll(() => db?.close());

  it('answers the public with the aggregates', async () => {
    const ctx = {
      principal: people.citizen(),
      satisfaction: createSatisfactionLoaders(db.ds),
    } as unknown as EvaluationsContext;
    const s = await new PostSatisfactionResolver().satisfaction({ id: post }, '2026-11-01', '2026-12-01', ctx);
    expect(s).toMatchObject({ count: 3, average: 3.67, satisfiedShare: 0.6667, rank: 1, peers: 1 });
  });
});
