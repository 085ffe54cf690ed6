import { Tier } from '@sunlight/shared';
import { ReviewerKind, TargetKind, type OpenCampaignInput } from './campaign.input';
import { openEvaluationsDatabase, people, type EvaluationsDatabase } from '../testing/evaluations-database';

const CITY = '139900000000';
const COUNTY = '139901000000';
const TOWNSHIP_A = '139901001000';
const TOWNSHIP_B = '139901002000';
const SIBLING = '139902000000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('CampaignService on PostgreSQL: reviews that count, once each', () => {
  let db: EvaluationsDatabase;
  const inspector = people.inspector(COUNTY, 'inspector-county');
  let campaignId: string;
  let ballots: string[];

  const campaign = (overrides: Partial<OpenCampaignInput> = {}): OpenCampaignInput => ({
    name: '2026年度乡镇民主评议',
    targetKind: TargetKind.UNIT,
    targets: [
      { unitCode: TOWNSHIP_A, label: '甲镇' },
      { unitCode: TOWNSHIP_B, label: '乙镇' },
    ],
    reviewerKinds: [ReviewerKind.PUBLIC, ReviewerKind.STAFF],
    expectedReviewers: 4,
    closesAt: new Date('2026-03-20T17:00:00+08:00'),
    ...overrides,
  });

  beforeAll(async () => {
    db = await openEvaluationsDatabase(MONDAY);
    ({ id: campaignId } = await db.campaigns.open(inspector, campaign(), db.key()));
    ballots = await db.campaigns.issueBallots(inspector, campaignId, ReviewerKind.PUBLIC, 3, db.key());
  });
  afterAll(() => db.close());

  const review = async (
    targetId: string,
    score: number,
    by: { ballotCode?: string; principal?: ReturnType<typeof people.citizen> },
    key = db.key(),
  ) =>
    db.campaigns.review(
      by.principal ?? people.citizen(),
      {
        campaignId,
        targetId,
        ...(by.ballotCode ? { ballotCode: by.ballotCode } : {}),
        scores: await db.scoresFor(Tier.TOWNSHIP, () => score),
      },
      key,
    );

  it('opens over targets in scope only, with the tier’s active indicator set', async () => {
    await expect(
      db.campaigns.open(inspector, campaign({ targets: [{ unitCode: SIBLING }] }), db.key()),
    ).rejects.toMatchObject({ extensions: { code: 'VALIDATION_FAILED', field: 'targets.0.unitCode' } });
    await expect(db.campaigns.open(people.clerk(COUNTY), campaign(), db.key())).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const opened = await db.campaigns.get(inspector, campaignId);
    expect(opened).toMatchObject({
      status: 'OPEN',
      targets: [
        { targetId: TOWNSHIP_A, tier: 'TOWNSHIP' },
        { targetId: TOWNSHIP_B, tier: 'TOWNSHIP' },
      ],
    });
    expect(ballots).toHaveLength(3);
    expect(
      await db.count('SELECT count(*) FROM ballot WHERE campaign_id = $1 AND code_hash = ANY($2)', [
        campaignId,
        ballots,
      ]),
    ).toBe(0);
  });

  it('takes one review per ballot and target; a retry returns it, a second review is refused', async () => {
    const key = db.key();
    const first = await review(TOWNSHIP_A, 90, { ballotCode: ballots[0]! }, key);
    expect(
      await review(TOWNSHIP_A, 90, { ballotCode: ballots[0]!, principal: people.citizen('192.0.2.77') }, key),
    ).toEqual(first);
    await expect(review(TOWNSHIP_A, 10, { ballotCode: ballots[0]! })).rejects.toMatchObject({
      extensions: { code: 'ALREADY_REVIEWED' },
    });
    await expect(review(TOWNSHIP_B, 80, { ballotCode: ballots[0]! })).resolves.toHaveProperty('id');
    expect(await db.count('SELECT count(*) FROM review WHERE campaign_id = $1', [campaignId])).toBe(2);
  });

  it('refuses an unknown ballot, staff outside the campaign unit and incomplete scores', async () => {
    await expect(review(TOWNSHIP_A, 70, { ballotCode: 'not-a-ballot' })).rejects.toMatchObject({
      extensions: { code: 'NOT_A_REVIEWER', field: 'ballotCode' },
    });
    // staff above the campaign unit see it but are not its staff; staff elsewhere do not see it
    await expect(review(TOWNSHIP_A, 70, { principal: people.clerk(CITY) })).rejects.toMatchObject({
      extensions: { code: 'NOT_A_REVIEWER' },
    });
    await expect(review(TOWNSHIP_A, 70, { principal: people.clerk(SIBLING) })).rejects.toMatchObject({
      extensions: { code: 'CAMPAIGN_NOT_FOUND' },
    });
    const scores = (await db.scoresFor(Tier.TOWNSHIP, () => 70)).slice(1);
    await expect(
      db.campaigns.review(
        people.citizen(),
        { campaignId, targetId: TOWNSHIP_A, ballotCode: ballots[1]!, scores },
        db.key(),
      ),
    ).rejects.toMatchObject({
      extensions: { code: 'VALIDATION_FAILED', field: 'scores' },
    });
  });

  it('counts staff of the campaign unit once each, signed in', async () => {
    const staff = people.clerk(COUNTY, 'clerk-county');
    await review(TOWNSHIP_A, 70, { principal: staff });
    await expect(review(TOWNSHIP_A, 70, { principal: staff })).rejects.toMatchObject({
      extensions: { code: 'ALREADY_REVIEWED' },
    });
  });

  it('refuses a reviewer who belongs to the target (不得自评), and stores nothing for it', async () => {
    const before = await db.count('SELECT count(*) FROM review WHERE campaign_id = $1', [campaignId]);
    // the township's own leader and a clerk of one of its villages both belong to township A
    for (const own of [people.inspector(TOWNSHIP_A, 'leader-township-a'), people.clerk('139901001001')]) {
      await expect(review(TOWNSHIP_A, 100, { principal: own })).rejects.toMatchObject({
        extensions: { code: 'SELF_REVIEW', field: 'targetId' },
        message: expect.stringContaining('不得自评'),
      });
    }
    expect(await db.count('SELECT count(*) FROM review WHERE campaign_id = $1', [campaignId])).toBe(before);
  });

  it('publishes results only once closed, counting every accepted review and nothing after', async () => {
    await expect(db.campaigns.results(inspector, campaignId)).rejects.toMatchObject({
      extensions: { code: 'CAMPAIGN_OPEN' },
    });
    db.setNow(new Date('2026-03-21T09:00:00+08:00'));
    await expect(review(TOWNSHIP_A, 0, { ballotCode: ballots[2]! })).rejects.toMatchObject({
      extensions: { code: 'CAMPAIGN_CLOSED' },
    });
    const results = await db.campaigns.results(inspector, campaignId);
    expect(results.map((r) => [r.targetId, r.reviews, r.total, r.rankInTier, r.participation])).toEqual([
      [TOWNSHIP_A, 2, 80, 1, 0.5],
      [TOWNSHIP_B, 1, 80, 1, 0.25],
    ]);
  });
});
