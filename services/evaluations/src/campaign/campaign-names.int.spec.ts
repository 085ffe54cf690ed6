import { Tier } from '@sunlight/shared';
import { ReviewerKind, TargetKind } from './campaign.input';
import { openEvaluationsDatabase, people, type EvaluationsDatabase } from '../testing/evaluations-database';

const COUNTY = '139901000000';
const TOWNSHIP_A = '139901001000';
const TOWNSHIP_B = '139901002000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

/** Issue 16, finding 8: campaign results carry names, not only codes (A1, leadership:…). */
describe('campaign results, by name', () => {
  let db: EvaluationsDatabase;
  const inspector = people.inspector(COUNTY, 'inspector-county');

  beforeAll(async () => {
    db = await openEvaluationsDatabase(MONDAY);
    db.upstream.nameUnit(TOWNSHIP_A, '清河镇');
    db.upstream.nameUnit(TOWNSHIP_B, '柳林镇');
  });
  afterAll(() => db.close());

  it('names each target, aspect and indicator', async () => {
    const { id } = await db.campaigns.open(
      inspector,
      {
        name: '2026年度乡镇领导班子民主评议',
        targetKind: TargetKind.LEADERSHIP,
        targets: [{ unitCode: TOWNSHIP_A }, { unitCode: TOWNSHIP_B, label: '柳林镇党委政府班子' }],
        reviewerKinds: [ReviewerKind.PUBLIC],
        expectedReviewers: 1,
        closesAt: new Date('2026-03-20T17:00:00+08:00'),
      },
      db.key(),
    );
    const [ballot] = await db.campaigns.issueBallots(inspector, id, ReviewerKind.PUBLIC, 1, db.key());
    await db.campaigns.review(
      people.citizen(),
      {
        campaignId: id,
        targetId: `leadership:${TOWNSHIP_A}`,
        ballotCode: ballot!,
        scores: await db.scoresFor(Tier.TOWNSHIP, () => 90),
      },
      db.key(),
    );
    db.setNow(new Date('2026-03-21T09:00:00+08:00'));
    const results = await db.campaigns.results(inspector, id);
    expect(results.map((r) => [r.targetId, r.name])).toEqual([
      [`leadership:${TOWNSHIP_A}`, '清河镇领导班子'],
      [`leadership:${TOWNSHIP_B}`, '柳林镇党委政府班子'],
    ]);
    const [set] = await db.ds.query(
      "SELECT content FROM indicator_set WHERE tier = 'TOWNSHIP' AND status = 'ACTIVE' AND owner_unit IS NULL",
    );
    const first = results[0]!;
    expect(first.aspects.map((a) => a.name)).toEqual(set.content.aspects.map((a: { name: string }) => a.name));
    expect(first.indicators.map((i) => i.name)).toEqual(
      set.content.aspects.flatMap((a: { indicators: { name: string }[] }) => a.indicators.map((i) => i.name)),
    );
    for (const i of first.indicators) expect(i.name).not.toBe(i.code);
  });

  it('falls back to the stored label when powers cannot be reached', async () => {
    const { id } = await db.campaigns.open(
      inspector,
      {
        name: '2026年度乡镇民主评议（二）',
        targetKind: TargetKind.UNIT,
        targets: [{ unitCode: TOWNSHIP_A }],
        reviewerKinds: [ReviewerKind.PUBLIC],
        expectedReviewers: 1,
        closesAt: new Date('2026-03-22T17:00:00+08:00'),
      },
      db.key(),
    );
    db.setNow(new Date('2026-03-23T09:00:00+08:00'));
    expect((await db.campaigns.results(inspector, id)).map((r) => r.name)).toEqual(['清河镇']);
    db.upstream.goDown();
    expect((await db.campaigns.results(inspector, id)).map((r) => r.name)).toEqual([TOWNSHIP_A]);
    db.upstream.comeBack();
  });
});
