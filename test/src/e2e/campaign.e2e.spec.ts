import { generateDemoData } from '@sunlight/powers';
import { Role } from '@sunlight/shared';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';
const TOWNSHIPS = ['139901001000', '139901002000', '139901003000'];

interface SetView {
  tier: string;
  aspects: { code: string; weight: number; indicators: { code: string; weight: number }[] }[];
}

describe('a review campaign: open, collect reviews, close, rank', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('ranks the targets as an independent recomputation does', async () => {
    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const sets = await stack.gql<{ indicatorSets: SetView[] }>(
      '{ indicatorSets(tier: TOWNSHIP) { tier aspects { code weight indicators { code weight } } indicatorCount } }',
      { token: inspector },
    );
    const set = sets.data!.indicatorSets[0]!;
    const codes = set.aspects.flatMap((a) => a.indicators.map((i) => i.code));
    expect(codes).toHaveLength(27);
    expect(set.aspects).toHaveLength(5);

    const opened = await stack.gql<{
      openCampaign: { id: string; status: string; targets: { targetId: string; tier: string }[] };
    }>(
      `mutation($i: OpenCampaignInput!) { openCampaign(input: $i, idempotencyKey: "camp-open-0001") { id status targets { targetId tier } } }`,
      {
        token: inspector,
        variables: {
          i: {
            name: '2026年度乡镇领导班子民主评议',
            targetKind: 'LEADERSHIP',
            targets: TOWNSHIPS.map((unitCode) => ({ unitCode })),
            reviewerKinds: ['PUBLIC', 'STAFF'],
            expectedReviewers: 4,
            closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    const campaign = opened.data!.openCampaign;
    expect(campaign.status).toBe('OPEN');
    expect(campaign.targets.map((t) => t.targetId).sort()).toEqual(TOWNSHIPS.map((t) => `leadership:${t}`).sort());

    const ballots = await stack.gql<{ issueBallots: string[] }>(
      `mutation { issueBallots(campaignId: "${campaign.id}", kind: PUBLIC, count: 3, idempotencyKey: "camp-ballots-1") }`,
      { token: inspector },
    );
    const codesIssued = ballots.data!.issueBallots;
    expect(codesIssued).toHaveLength(3);
    const retried = await stack.gql<{ issueBallots: string[] }>(
      `mutation { issueBallots(campaignId: "${campaign.id}", kind: PUBLIC, count: 3, idempotencyKey: "camp-ballots-1") }`,
      { token: inspector },
    );
    expect(retried.data!.issueBallots).toEqual(codesIssued);

    // Deterministic scores: reviewer r gives target t a base per target plus a per-indicator wobble.
    const base: Record<string, number> = {
      [`leadership:${TOWNSHIPS[0]}`]: 70,
      [`leadership:${TOWNSHIPS[1]}`]: 85,
      [`leadership:${TOWNSHIPS[2]}`]: 78,
    };
    const scoreOf = (target: string, reviewer: number, i: number) =>
      Math.min(100, base[target]! + ((reviewer * 7 + i * 3) % 11) - 5);
    const REVIEW = 'mutation($i: SubmitReviewInput!, $k: String!) { submitReview(input: $i, idempotencyKey: $k) }';
    const submitted: Record<string, number[][]> = {};
    const reviewers: { ballot?: string; token?: string }[] = [
      ...codesIssued.map((b) => ({ ballot: b })),
      // staff of the campaign unit, belonging to none of the targets (a township's own staff may not review it)
      { token: await stack.tokenFor(Role.CLERK, COUNTY) },
    ];
    for (const [r, who] of reviewers.entries()) {
      for (const target of Object.keys(base)) {
        const scores = codes.map((code, i) => ({ indicator: code, score: scoreOf(target, r, i) }));
        const res = await stack.gql(REVIEW, {
          token: who.token,
          variables: {
            k: `camp-rev-${r}-${target}`,
            i: { campaignId: campaign.id, targetId: target, ballotCode: who.ballot, scores },
          },
        });
        expect(res.errors).toBeUndefined();
        (submitted[target] ??= []).push(scores.map((s) => s.score));
      }
    }
    // once per reviewer per target; incomplete score sheets and unknown ballots refused
    const twice = await stack.gql(REVIEW, {
      variables: {
        k: 'camp-rev-again',
        i: {
          campaignId: campaign.id,
          targetId: `leadership:${TOWNSHIPS[0]}`,
          ballotCode: codesIssued[0],
          scores: codes.map((c) => ({ indicator: c, score: 50 })),
        },
      },
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('ALREADY_REVIEWED');
    // the reviewed township's own leader may not score its own leadership (不得自评); it is not counted
    const own = await stack.gql(REVIEW, {
      token: await stack.tokenFor(Role.LEADER, TOWNSHIPS[0]!),
      variables: {
        k: 'camp-rev-own',
        i: {
          campaignId: campaign.id,
          targetId: `leadership:${TOWNSHIPS[0]}`,
          scores: codes.map((c) => ({ indicator: c, score: 100 })),
        },
      },
    });
    expect(own.errors?.[0]?.extensions?.code).toBe('SELF_REVIEW');
    const partial = await stack.gql(REVIEW, {
      variables: {
        k: 'camp-rev-part',
        i: { campaignId: campaign.id, targetId: `leadership:${TOWNSHIPS[1]}`, ballotCode: 'unknown-code', scores: [] },
      },
    });
    expect(partial.errors?.[0]?.extensions?.code).toBe('NOT_A_REVIEWER');
    const early = await stack.gql(`{ campaignResults(id: "${campaign.id}") { targetId } }`);
    expect(early.errors?.[0]?.extensions?.code).toBe('CAMPAIGN_OPEN');

    const closed = await stack.gql<{ closeCampaign: { status: string } }>(
      `mutation { closeCampaign(id: "${campaign.id}", idempotencyKey: "camp-close-1") { status } }`,
      { token: inspector },
    );
    expect(closed.data!.closeCampaign.status).toBe('CLOSED');
    const late = await stack.gql(REVIEW, {
      token: await stack.tokenFor(Role.LEADER, TOWNSHIPS[1]!),
      variables: {
        k: 'camp-rev-late',
        i: {
          campaignId: campaign.id,
          targetId: `leadership:${TOWNSHIPS[1]}`,
          scores: codes.map((c) => ({ indicator: c, score: 90 })),
        },
      },
    });
    expect(late.errors?.[0]?.extensions?.code).toBe('CAMPAIGN_CLOSED');

    // results, readable by the public once closed
    const results = await stack.gql<{
      campaignResults: {
        targetId: string;
        reviews: number;
        total: number;
        rankInTier: number;
        participation: number;
        aspects: { code: string; score: number }[];
      }[];
    }>(
      `{ campaignResults(id: "${campaign.id}") { targetId reviews total rankInTier participation aspects { code score } } }`,
    );
    expect(results.errors).toBeUndefined();

    // independent recomputation: mean per indicator, weighted per aspect, weighted total, rank
    const expected = Object.entries(submitted).map(([target, sheets]) => {
      let i = 0;
      let total = 0;
      for (const aspect of set.aspects) {
        let aspectScore = 0;
        for (const indicator of aspect.indicators) {
          const mean = sheets.reduce((s, sheet) => s + sheet[i]!, 0) / sheets.length;
          aspectScore += indicator.weight * mean;
          i++;
        }
        total += aspect.weight * aspectScore;
      }
      return { target, total: Math.round(total * 100) / 100 };
    });
    const ranked = [...expected].sort((a, b) => b.total - a.total);
    for (const r of results.data!.campaignResults) {
      const mine = expected.find((e) => e.target === r.targetId)!;
      expect(r.total).toBeCloseTo(mine.total, 2);
      expect(r.rankInTier).toBe(ranked.findIndex((e) => e.target === r.targetId) + 1);
      expect(r.reviews).toBe(4);
      expect(r.participation).toBe(1);
    }
    expect(results.data!.campaignResults.find((r) => r.rankInTier === 1)!.targetId).toBe(`leadership:${TOWNSHIPS[1]}`);

    // results carry names (issue 16): the township's name from powers, the set's aspect and indicator names
    const named = await stack.gql<{
      campaignResults: { targetId: string; name: string; aspects: { code: string; name: string }[] }[];
    }>(`{ campaignResults(id: "${campaign.id}") { targetId name aspects { code name } indicators { code name } } }`);
    expect(named.errors).toBeUndefined();
    const unitNames = new Map(generateDemoData().units.map((u) => [u.code, u.name]));
    expect(named.data!.campaignResults.map((r) => r.name).sort()).toEqual(
      TOWNSHIPS.map((t) => `${unitNames.get(t)}领导班子`).sort(),
    );
    for (const r of named.data!.campaignResults) {
      expect(r.aspects.map((a) => a.code)).toEqual(set.aspects.map((a) => a.code));
      for (const a of r.aspects) expect(a.name).toMatch(/^[\u4e00-\u9fa5（）、]+$/);
    }
  });

  it("refuses targets outside the opener's scope and reviewers outside the campaign", async () => {
    const townshipInspector = await stack.tokenFor(Role.INSPECTOR, TOWNSHIPS[0]!);
    const res = await stack.gql(
      `mutation($i: OpenCampaignInput!) { openCampaign(input: $i, idempotencyKey: "camp-open-bad1") { id } }`,
      {
        token: townshipInspector,
        variables: {
          i: {
            name: '越权评议',
            targetKind: 'UNIT',
            targets: [{ unitCode: TOWNSHIPS[1] }],
            reviewerKinds: ['STAFF'],
            expectedReviewers: 10,
            closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
      },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'targets.0.unitCode' });
    const clerk = await stack.gql(
      `mutation($i: OpenCampaignInput!) { openCampaign(input: $i, idempotencyKey: "camp-open-bad2") { id } }`,
      {
        token: await stack.tokenFor(Role.CLERK, COUNTY),
        variables: {
          i: {
            name: '评议',
            targetKind: 'UNIT',
            targets: [{ unitCode: COUNTY }],
            reviewerKinds: ['STAFF'],
            expectedReviewers: 10,
            closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
      },
    );
    expect(clerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
