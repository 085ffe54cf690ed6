import { Tier } from '@sunlight/shared';
import type { IndicatorSetContent } from '../indicator/indicator-set-content';
import { campaignResults, type ReviewScores, type TargetInfo, type TargetResult } from './campaign-results';

// Two aspects, three indicators:
//   A1 主体责任 (0.6): A1-01 (0.7), A1-02 (0.3)
//   A2 监督责任 (0.4): A2-01 (1)
const twoAspects = (tier: Tier): IndicatorSetContent => ({
  tier,
  name: 'test set',
  aspects: [
    {
      code: 'A1',
      name: '主体责任',
      weight: 0.6,
      indicators: [
        { code: 'A1-01', name: 'a', weight: 0.7 },
        { code: 'A1-02', name: 'b', weight: 0.3 },
      ],
    },
    { code: 'A2', name: '监督责任', weight: 0.4, indicators: [{ code: 'A2-01', name: 'c', weight: 1 }] },
  ],
});
// One aspect, one indicator: the total is the indicator's average; handy for ranking.
const oneIndicator = (tier: Tier): IndicatorSetContent => ({
  tier,
  name: 'single',
  aspects: [{ code: 'A1', name: '主体责任', weight: 1, indicators: [{ code: 'A1-01', name: 'a', weight: 1 }] }],
});
const setsOf = (make: (tier: Tier) => IndicatorSetContent): Map<Tier, IndicatorSetContent> =>
  new Map(Object.values(Tier).map((tier) => [tier, make(tier)]));

const target = (targetId: string, tier = Tier.COUNTY): TargetInfo => ({ targetId, tier });
const review = (targetId: string, scores: Record<string, number>): ReviewScores => ({ targetId, scores });
const only = (results: TargetResult[], targetId: string): TargetResult => {
  const result = results.find((r) => r.targetId === targetId);
  if (result === undefined) throw new Error(`no result for ${targetId}`);
  return result;
};
const ranks = (results: TargetResult[]) => Object.fromEntries(results.map((r) => [r.targetId, r.rankInTier]));

describe('campaignResults', () => {
  it('averages indicators, weights aspects and totals (worked by hand)', () => {
    const reviews = [
      review('a', { 'A1-01': 80, 'A1-02': 90, 'A2-01': 70 }),
      review('a', { 'A1-01': 90, 'A2-01': 85 }), // did not score A1-02
      review('a', { 'A1-01': 70, 'A1-02': 60, 'A2-01': 96 }),
    ];
    // A1-01 = (80 + 90 + 70) / 3 = 80           (3 scores)
    // A1-02 = (90 + 60) / 2      = 75           (2 scores: the second review skipped it)
    // A2-01 = (70 + 85 + 96) / 3 = 83.666…      -> 83.67
    // A1    = 0.7×80 + 0.3×75    = 56 + 22.5 = 78.5
    // A2    = 1×83.666…          = 83.666…      -> 83.67
    // total = 0.6×78.5 + 0.4×83.666… = 47.1 + 33.466… = 80.566… -> 80.57
    // participation = 3 reviews / 4 eligible = 0.75
    expect(campaignResults(setsOf(twoAspects), [target('a')], reviews, 4)).toEqual([
      {
        targetId: 'a',
        tier: Tier.COUNTY,
        reviews: 3,
        indicators: [
          { code: 'A1-01', name: 'a', average: 80, count: 3 },
          { code: 'A1-02', name: 'b', average: 75, count: 2 },
          { code: 'A2-01', name: 'c', average: 83.67, count: 3 },
        ],
        aspects: [
          { code: 'A1', name: '主体责任', score: 78.5, weight: 0.6 },
          { code: 'A2', name: '监督责任', score: 83.67, weight: 0.4 },
        ],
        total: 80.57,
        rankInTier: 1,
        participation: 0.75,
      },
    ]);
  });

  it('leaves an indicator nobody scored out of its aspect', () => {
    // A1-02 unscored: A1 = 0.7×60 / 0.7 = 60 (not 0.7×60 + 0.3×0 = 42); A2 = 90
    // total = 0.6×60 + 0.4×90 = 36 + 36 = 72
    const [result] = campaignResults(setsOf(twoAspects), [target('a')], [review('a', { 'A1-01': 60, 'A2-01': 90 })], 1);
    expect(result?.indicators).toEqual([
      { code: 'A1-01', name: 'a', average: 60, count: 1 },
      { code: 'A1-02', name: 'b', average: null, count: 0 },
      { code: 'A2-01', name: 'c', average: 90, count: 1 },
    ]);
    expect(result?.aspects.map((a) => a.score)).toEqual([60, 90]);
    expect(result?.total).toBe(72);
  });

  it('leaves an aspect nobody scored out of the total', () => {
    // A1 = 0.7×50 + 0.3×100 = 35 + 30 = 65; A2 unscored; total = 0.6×65 / 0.6 = 65
    const [result] = campaignResults(
      setsOf(twoAspects),
      [target('a')],
      [review('a', { 'A1-01': 50, 'A1-02': 100 })],
      1,
    );
    expect(result?.aspects).toEqual([
      { code: 'A1', name: '主体责任', score: 65, weight: 0.6 },
      { code: 'A2', name: '监督责任', score: null, weight: 0.4 },
    ]);
    expect(result?.total).toBe(65);
  });

  it('rounds only at output', () => {
    const halves = (tier: Tier): IndicatorSetContent => ({
      tier,
      name: 'halves',
      aspects: [
        { code: 'X', name: 'x', weight: 0.5, indicators: [{ code: 'X-1', name: 'x', weight: 1 }] },
        { code: 'Y', name: 'y', weight: 0.5, indicators: [{ code: 'Y-1', name: 'y', weight: 1 }] },
      ],
    });
    const reviews = [
      review('a', { 'X-1': 70, 'Y-1': 80 }),
      review('a', { 'X-1': 71, 'Y-1': 80 }),
      review('a', { 'X-1': 71, 'Y-1': 80 }),
    ];
    // X = 212/3 = 70.666… (shown 70.67); total = (70.666… + 80) / 2 = 75.333… -> 75.33.
    // Rounding X first would give (70.67 + 80) / 2 = 75.335 -> 75.34.
    const [result] = campaignResults(setsOf(halves), [target('a')], reviews, 3);
    expect(result?.aspects.map((a) => a.score)).toEqual([70.67, 80]);
    expect(result?.total).toBe(75.33);
  });

  it('gives a target without reviews nulls and no rank', () => {
    const results = campaignResults(
      setsOf(twoAspects),
      [target('a'), target('quiet')],
      [review('a', { 'A1-01': 90 })],
      10,
    );
    expect(only(results, 'quiet')).toEqual({
      targetId: 'quiet',
      tier: Tier.COUNTY,
      reviews: 0,
      indicators: [
        { code: 'A1-01', name: 'a', average: null, count: 0 },
        { code: 'A1-02', name: 'b', average: null, count: 0 },
        { code: 'A2-01', name: 'c', average: null, count: 0 },
      ],
      aspects: [
        { code: 'A1', name: '主体责任', score: null, weight: 0.6 },
        { code: 'A2', name: '监督责任', score: null, weight: 0.4 },
      ],
      total: null,
      rankInTier: null,
      participation: 0,
    });
    expect(only(results, 'a').rankInTier).toBe(1);
  });

  it('shares a rank between equal totals and skips the ranks they use (1, 2, 2, 4)', () => {
    const targets = ['w', 'x', 'y', 'z'].map((id) => target(id));
    const reviews = [
      review('w', { 'A1-01': 70 }),
      review('x', { 'A1-01': 80 }),
      review('y', { 'A1-01': 90 }),
      review('z', { 'A1-01': 80 }),
    ];
    expect(ranks(campaignResults(setsOf(oneIndicator), targets, reviews, 1))).toEqual({ y: 1, x: 2, z: 2, w: 4 });
  });

  it('compares totals as rounded, so 80.001 and 79.999 tie', () => {
    const reviews = [
      review('x', { 'A1-01': 80.001 }),
      review('y', { 'A1-01': 79.999 }),
      review('z', { 'A1-01': 79.99 }),
    ];
    const results = campaignResults(setsOf(oneIndicator), [target('x'), target('y'), target('z')], reviews, 1);
    expect(results.map((r) => r.total)).toEqual([80, 80, 79.99]);
    expect(ranks(results)).toEqual({ x: 1, y: 1, z: 3 });
  });

  it('ranks each tier separately', () => {
    const targets = [
      target('county-low', Tier.COUNTY),
      target('village', Tier.VILLAGE),
      target('county-high', Tier.COUNTY),
      target('city', Tier.CITY),
    ];
    const reviews = [
      review('county-low', { 'A1-01': 60 }),
      review('county-high', { 'A1-01': 95 }),
      review('village', { 'A1-01': 50 }),
      review('city', { 'A1-01': 40 }),
    ];
    expect(ranks(campaignResults(setsOf(oneIndicator), targets, reviews, 1))).toEqual({
      'county-low': 2,
      'county-high': 1,
      village: 1,
      city: 1,
    });
  });

  it('reports participation as reviews over eligible reviewers', () => {
    const targets = [target('a'), target('b')];
    const reviews = [review('a', { 'A1-01': 60 }), review('a', { 'A1-01': 70 }), review('b', { 'A1-01': 80 })];
    expect(campaignResults(setsOf(oneIndicator), targets, reviews, 8).map((r) => r.participation)).toEqual([
      0.25, 0.125,
    ]);
    expect(campaignResults(setsOf(oneIndicator), targets, reviews, 0).map((r) => r.participation)).toEqual([0, 0]);
    expect(campaignResults(setsOf(oneIndicator), targets, reviews, 1).map((r) => r.participation)).toEqual([1, 1]);
  });

  it('keeps the order of targets and ignores reviews of unknown targets and unknown codes', () => {
    const reviews = [
      review('ghost', { 'A1-01': 100 }),
      review('b', { 'A1-01': 40, 'Z-99': 0 }),
      review('a', { 'A1-01': 60 }),
    ];
    const results = campaignResults(setsOf(oneIndicator), [target('b'), target('a')], reviews, 3);
    expect(results.map((r) => [r.targetId, r.reviews, r.total])).toEqual([
      ['b', 1, 40],
      ['a', 1, 60],
    ]);
  });

  it('refuses a target whose tier has no indicator set', () => {
    const sets = new Map([[Tier.COUNTY, twoAspects(Tier.COUNTY)]]);
    expect(() => campaignResults(sets, [target('v', Tier.VILLAGE)], [], 1)).toThrow(
      'No indicator set for tier VILLAGE',
    );
  });
});
