import { randomUUID } from 'node:crypto';
import { Role, Tier, type Principal } from '@sunlight/shared';
import { ReviewerKind, TargetKind } from './campaign.input';
import { openEvaluationsDatabase, people, type EvaluationsDatabase } from '../testing/evaluations-database';

const COUNTY = '139901000000';
const TOWNSHIP_A = '139901001000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('CampaignService: no one reviews a key post they hold (不得自评)', () => {
  let db: EvaluationsDatabase;
  const inspector = people.inspector(COUNTY, 'inspector-county');
  const postId = randomUUID();
  let campaignId: string;

  beforeAll(async () => {
    db = await openEvaluationsDatabase(MONDAY);
    db.upstream.addPost(postId, randomUUID(), TOWNSHIP_A, '财务审核岗');
    ({ id: campaignId } = await db.campaigns.open(
      inspector,
      {
        name: '2026年度重点岗位民主评议',
        targetKind: TargetKind.KEY_POST,
        targets: [{ unitCode: TOWNSHIP_A, postId }],
        reviewerKinds: [ReviewerKind.STAFF],
        expectedReviewers: 4,
        closesAt: new Date('2026-03-20T17:00:00+08:00'),
      },
      db.key(),
    ));
  });
  afterAll(() => db.close());

  const review = async (principal: Principal) =>
    db.campaigns.review(
      principal,
      { campaignId, targetId: postId, scores: await db.scoresFor(Tier.TOWNSHIP, () => 100) },
      db.key(),
    );

  it('refuses the holder of the post and counts a colleague of the same unit', async () => {
    const holder: Principal = { subject: 'clerk-holder', role: Role.CLERK, unit: TOWNSHIP_A, post: postId };
    await expect(review(holder)).rejects.toMatchObject({ extensions: { code: 'SELF_REVIEW', field: 'targetId' } });
    await expect(review(people.clerk(TOWNSHIP_A, 'clerk-colleague'))).resolves.toHaveProperty('id');
    expect(await db.count('SELECT count(*) FROM review WHERE campaign_id = $1', [campaignId])).toBe(1);
  });
});
