import type { Tier } from '@sunlight/shared';
import type { IndicatorSetContent } from '../indicator/indicator-set-content';

/** One reviewer's scores for one target: indicator code -> 0..100. */
export interface ReviewScores {
  targetId: string;
  scores: Record<string, number>;
}

/** A body being evaluated in the campaign, and the tier whose indicator set applies to it. */
export interface TargetInfo {
  targetId: string;
  tier: Tier;
}

/** Mean score of one indicator over the reviews that scored it; `null` when none did. */
export interface IndicatorResult {
  code: string;
  /** the indicator's name in the set, e.g. 落实主体责任 */
  name: string;
  average: number | null;
  count: number;
}

/** Weighted score of one aspect over its scored indicators; `null` when none was scored. */
export interface AspectResult {
  code: string;
  /** the aspect's name in the set, e.g. 主体责任 */
  name: string;
  score: number | null;
  weight: number;
}

export interface TargetResult {
  targetId: string;
  tier: Tier;
  reviews: number;
  indicators: IndicatorResult[];
  aspects: AspectResult[];
  total: number | null;
  /** 1 = highest total among the tier's scored targets; equal (rounded) totals share a rank. */
  rankInTier: number | null;
  /** reviews / eligible reviewers, 0..1; 0 when nobody is eligible. */
  participation: number;
}

/**
 * Scores and ranks every target of a campaign. Averages, aspect scores and totals are computed
 * at full precision and rounded to 2 decimals only in the output; weights of indicators or
 * aspects nobody scored are left out rather than counted as 0. Results follow `targets`' order;
 * reviews of targets not in `targets` are ignored.
 * @throws Error when a target's tier has no indicator set in `sets`.
 */
export function campaignResults(
  sets: ReadonlyMap<Tier, IndicatorSetContent>,
  targets: readonly TargetInfo[],
  reviews: readonly ReviewScores[],
  eligibleReviewers: number,
): TargetResult[] {
  const reviewsByTarget = new Map<string, ReviewScores[]>(targets.map((t) => [t.targetId, []]));
  for (const review of reviews) reviewsByTarget.get(review.targetId)?.push(review);

  const results = targets.map((target): TargetResult => {
    const set = sets.get(target.tier);
    if (set === undefined) throw new Error(`No indicator set for tier ${target.tier} (target ${target.targetId})`);
    const own = reviewsByTarget.get(target.targetId) ?? [];
    const aspects = set.aspects.map((aspect) => {
      const indicators = aspect.indicators.map((indicator) => {
        const scores = scoresOf(own, indicator.code);
        return {
          code: indicator.code,
          name: indicator.name,
          weight: indicator.weight,
          average: mean(scores),
          count: scores.length,
        };
      });
      return {
        code: aspect.code,
        name: aspect.name,
        weight: aspect.weight,
        indicators,
        score: weightedMean(indicators.map((i) => [i.weight, i.average])),
      };
    });
    const total = weightedMean(aspects.map((a) => [a.weight, a.score]));
    return {
      targetId: target.targetId,
      tier: target.tier,
      reviews: own.length,
      indicators: aspects.flatMap((a) =>
        a.indicators.map((i) => ({ code: i.code, name: i.name, average: roundOrNull(i.average), count: i.count })),
      ),
      aspects: aspects.map((a) => ({ code: a.code, name: a.name, score: roundOrNull(a.score), weight: a.weight })),
      total: roundOrNull(total),
      rankInTier: null,
      // more reviews than eligible reviewers means the roll changed after reviewing; cap at 1
      participation: eligibleReviewers > 0 ? Math.min(1, own.length / eligibleReviewers) : 0,
    };
  });
  rankWithinTiers(results);
  return results;
}

// Standard competition ranking (1, 2, 2, 4) per tier on the rounded totals.
function rankWithinTiers(results: TargetResult[]): void {
  const byTier = new Map<Tier, TargetResult[]>();
  for (const result of results) {
    if (result.total === null) continue;
    const tier = byTier.get(result.tier);
    if (tier === undefined) byTier.set(result.tier, [result]);
    else tier.push(result);
  }
  for (const ranked of byTier.values()) {
    ranked.sort((x, y) => (y.total ?? 0) - (x.total ?? 0));
    let previous: TargetResult | undefined;
    ranked.forEach((result, index) => {
      result.rankInTier = previous !== undefined && previous.total === result.total ? previous.rankInTier : index + 1;
      previous = result;
    });
  }
}

function scoresOf(reviews: readonly ReviewScores[], code: string): number[] {
  const scores: number[] = [];
  for (const review of reviews) {
    const score = Object.hasOwn(review.scores, code) ? review.scores[code] : undefined;
    if (score !== undefined && Number.isFinite(score)) scores.push(score);
  }
  return scores;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

// Σ(weight × value) / Σ(weight) over the parts that have a value.
function weightedMean(parts: readonly (readonly [weight: number, value: number | null])[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const [weight, value] of parts) {
    if (value === null) continue;
    weighted += weight * value;
    weights += weight;
  }
  return weights > 0 ? weighted / weights : null;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
