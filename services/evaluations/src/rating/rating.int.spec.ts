import { RatingTag, type RateCaseInput } from './rating.input';
import { openEvaluationsDatabase, people, type EvaluationsDatabase } from '../testing/evaluations-database';

const TOWNSHIP = '139901001000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('RatingService on PostgreSQL: one rating per finished step', () => {
  let db: EvaluationsDatabase;
  beforeAll(async () => {
    db = await openEvaluationsDatabase(MONDAY);
  });
  afterAll(() => db.close());

  const citizen = people.citizen();
  const rating = (
    number: string,
    stepNo: number,
    score: number,
    extra: Partial<RateCaseInput> = {},
  ): RateCaseInput => ({ caseNumber: number, queryCode: 'QC234567', stepNo, score, ...extra });

  it('stores where the service was given and nothing of who rated it or which case', async () => {
    const c = db.upstream.addCase(`${TOWNSHIP}-2026-000001`, 'QC234567', TOWNSHIP, [true, false]);
    const receipt = await db.ratings.rateCase(
      citizen,
      rating(`${TOWNSHIP}-2026-000001`, 1, 4, { tags: [RatingTag.EFFICIENCY], comment: '  很快  ' }),
      db.key(),
    );
    expect(receipt).toMatchObject({ score: 4, ratedOn: '2026-03-09' });
    const [row] = (await db.ds.query('SELECT * FROM rating WHERE id = $1', [receipt.id])) as Record<string, unknown>[];
    const step = c.steps[0]!;
    expect(row).toMatchObject({
      source: 'CASE',
      unit_code: TOWNSHIP,
      department_id: step.departmentId,
      post_id: step.postId,
      power_id: c.powerId,
      step_no: 1,
      score: 4,
      comment: '很快',
    });
    expect(JSON.stringify(row)).not.toContain(c.caseId);
    expect(db.upstream.lookups.at(-1)).toBe(citizen);
  });

  it('answers a retry with the first receipt and writes one rating', async () => {
    db.upstream.addCase(`${TOWNSHIP}-2026-000002`, 'QC234567', TOWNSHIP, [true]);
    const key = db.key();
    const first = await db.ratings.rateCase(citizen, rating(`${TOWNSHIP}-2026-000002`, 1, 5), key);
    expect(await db.ratings.rateCase(citizen, rating(`${TOWNSHIP}-2026-000002`, 1, 5), key)).toEqual(first);
    expect(await db.count('SELECT count(*) FROM rating WHERE score = 5')).toBe(1);
  });

  it('refuses a second rating of the same step, from anyone, and leaves the first as it was', async () => {
    const number = `${TOWNSHIP}-2026-000003`;
    db.upstream.addCase(number, 'QC234567', TOWNSHIP, [true, true]);
    const first = await db.ratings.rateCase(citizen, rating(number, 1, 3), db.key());
    await expect(db.ratings.rateCase(citizen, rating(number, 1, 1), db.key())).rejects.toMatchObject({
      extensions: { code: 'ALREADY_RATED', field: 'stepNo' },
    });
    await expect(
      db.ratings.rateCase(people.citizen('192.0.2.99'), rating(number, 1, 5), db.key()),
    ).rejects.toMatchObject({ extensions: { code: 'ALREADY_RATED' } });
    expect(
      await db.ds.query(
        'SELECT id, score FROM rating WHERE step_no = 1 AND power_id = (SELECT power_id FROM rating WHERE id = $1)',
        [first.id],
      ),
    ).toEqual([{ id: first.id, score: 3 }]);
    // the other step of the same case is its own stage
    await expect(db.ratings.rateCase(citizen, rating(number, 2, 4), db.key())).resolves.toMatchObject({ score: 4 });
  });

  it('refuses a step not finished yet, and takes it once it is', async () => {
    const number = `${TOWNSHIP}-2026-000004`;
    const c = db.upstream.addCase(number, 'QC234567', TOWNSHIP, [true, false]);
    await expect(db.ratings.rateCase(citizen, rating(number, 2, 4), db.key())).rejects.toMatchObject({
      extensions: { code: 'STAGE_NOT_FINISHED' },
    });
    await expect(db.ratings.rateCase(citizen, rating(number, 3, 4), db.key())).rejects.toMatchObject({
      extensions: { code: 'VALIDATION_FAILED', field: 'stepNo' },
    });
    db.upstream.finish(c, 2);
    await expect(db.ratings.rateCase(citizen, rating(number, 2, 4), db.key())).resolves.toMatchObject({ score: 4 });
  });

  it('answers a wrong code like an unknown case, and a neighbour that fails as unavailable', async () => {
    db.upstream.addCase(`${TOWNSHIP}-2026-000005`, 'QC234567', TOWNSHIP, [true]);
    await expect(
      db.ratings.rateCase(citizen, rating(`${TOWNSHIP}-2026-000005`, 1, 4, { queryCode: 'WRONG234' }), db.key()),
    ).rejects.toMatchObject({ extensions: { code: 'CASE_NOT_FOUND' } });
    const key = db.key();
    db.upstream.goDown();
    await expect(db.ratings.rateCase(citizen, rating(`${TOWNSHIP}-2026-000005`, 1, 4), key)).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    db.upstream.comeBack();
    db.upstream.rateLimit();
    await expect(db.ratings.rateCase(citizen, rating(`${TOWNSHIP}-2026-000005`, 1, 4), key)).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED' },
    });
    db.upstream.comeBack();
    // nothing was kept of the failed attempts: the same key now rates
    await expect(db.ratings.rateCase(citizen, rating(`${TOWNSHIP}-2026-000005`, 1, 4), key)).resolves.toMatchObject({
      score: 4,
    });
  });

  it('publishes a low rating, with where and how badly but no comment', async () => {
    const before = await db.count("SELECT count(*) FROM outbox WHERE topic = 'rating.low'");
    db.upstream.addCase(`${TOWNSHIP}-2026-000006`, 'QC234567', TOWNSHIP, [true]);
    const low = await db.ratings.rateCase(
      citizen,
      rating(`${TOWNSHIP}-2026-000006`, 1, 1, { tags: [RatingTag.ASKED_FOR_FAVOURS], comment: '办事员索要好处费' }),
      db.key(),
    );
    const events = (await db.ds.query(
      "SELECT unit_code, payload FROM outbox WHERE topic = 'rating.low' AND aggregate_id = $1",
      [low.id],
    )) as { unit_code: string; payload: Record<string, unknown> }[];
    expect(events).toEqual([
      {
        unit_code: TOWNSHIP,
        payload: expect.objectContaining({ ratingId: low.id, score: 1, tags: ['ASKED_FOR_FAVOURS'], source: 'CASE' }),
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('好处费');
    // ratings above the threshold stay quiet
    expect(await db.count("SELECT count(*) FROM outbox WHERE topic = 'rating.low'")).toBe(before + 1);
  });
});
