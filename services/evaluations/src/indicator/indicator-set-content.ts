import type { Tier } from '@sunlight/shared';

/** One scored item (小项), e.g. `A1-03`; reviewers score it 0..100. */
export interface IndicatorContent {
  code: string;
  name: string;
  /** Share of its aspect's score; the indicators of an aspect sum to 1. */
  weight: number;
}

/** One of the aspects (方面) an indicator set is grouped by, e.g. `A1` 主体责任. */
export interface AspectContent {
  code: string;
  name: string;
  /** Share of the total; the aspects of a set sum to 1. */
  weight: number;
  indicators: IndicatorContent[];
}

/** The indicators one tier's targets are evaluated against. */
export interface IndicatorSetContent {
  tier: Tier;
  name: string;
  aspects: AspectContent[];
}
