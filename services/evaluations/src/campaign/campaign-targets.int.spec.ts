import { ReviewerKind, TargetKind, type OpenCampaignInput } from './campaign.input';
import { openEvaluationsDatabase, people, type EvaluationsDatabase } from '../testing/evaluations-database';

const COUNTY = '139901000000';
const TOWNSHIP_A = '139901001000';
const NO_SUCH_UNIT = '139901999000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('CampaignService: every target is a unit that exists', () => {
  let db: EvaluationsDatabase;
  const inspector = people.inspector(COUNTY, 'inspector-county');
  const campaign = (unitCodes: string[]): OpenCampaignInput => ({
    name: '2026年度乡镇民主评议',
    targetKind: TargetKind.UNIT,
    targets: unitCodes.map((unitCode) => ({ unitCode })),
    reviewerKinds: [ReviewerKind.PUBLIC],
    expectedReviewers: 4,
    closesAt: new Date('2026-03-20T17:00:00+08:00'),
  });
  const campaigns = async () =>
    ((await db.ds.query('SELECT count(*)::int AS n FROM campaign')) as { n: number }[])[0]!.n;

  beforeAll(async () => {
    db = await openEvaluationsDatabase(MONDAY);
    db.upstream.removeUnit(NO_SUCH_UNIT);
  });
  afterAll(() => db.close());

  it('refuses a well-formed code in scope that no unit has, naming the target', async () => {
    await expect(db.campaigns.open(inspector, campaign([TOWNSHIP_A, NO_SUCH_UNIT]), db.key())).rejects.toMatchObject({
      extensions: {
        code: 'VALIDATION_FAILED',
        field: 'targets.1.unitCode',
        problems: [{ field: 'targets.1.unitCode', message: `没有代码为 ${NO_SUCH_UNIT} 的单位` }],
      },
    });
    expect(await campaigns()).toBe(0);
  });

  it('refuses to open unchecked when powers does not answer, and opens once it does', async () => {
    db.upstream.goDown();
    await expect(db.campaigns.open(inspector, campaign([TOWNSHIP_A]), db.key())).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE', field: 'targets' },
    });
    db.upstream.comeBack();
    await db.campaigns.open(inspector, campaign([TOWNSHIP_A]), db.key());
    expect(await campaigns()).toBe(1);
  });
});
