import { Tier } from '@sunlight/shared';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RiskBand } from './quartile-fences';

export enum IndicatorStatus {
  CALCULATED = 'CALCULATED',
  INSUFFICIENT_DATA = 'INSUFFICIENT_DATA',
}
registerEnumType(IndicatorStatus, {
  name: 'IndicatorStatus',
  description:
    'CALCULATED: enough data and enough peers to score it. INSUFFICIENT_DATA: the sample is below its minimum or fewer than 4 peers of the tier have a value.',
});
registerEnumType(RiskBand, {
  name: 'RiskBand',
  description:
    "Where a value stands among the same tier's peers: NORMAL up to their third quartile (Q3), ELEVATED up to Tukey's upper fence (Q3 + 1.5 × IQR), OUTLIER above it.",
});

@ObjectType({ description: 'One indicator of the risk index (评价指标). Higher values always mean more risk.' })
export class RiskIndicator {
  @Field({ description: 'Stable key, e.g. OVERDUE_RATE.' })
  key: string;

  @Field({ description: 'Name as officials read it, e.g. 办件逾期率.' })
  name: string;

  @Field({ description: 'What the value measures, in zh-CN (指标说明).' })
  description: string;

  @Field(() => Float, { description: 'Share of the index (the six weights sum to 1).' })
  weight: number;

  @Field(() => IndicatorStatus)
  status: IndicatorStatus;

  @Field(() => Float, {
    nullable: true,
    description: "The unit's value in the month; null when the sample is below the minimum.",
  })
  value: number | null;

  @Field(() => Int, {
    description: 'The count the value is computed from (cases filed, cases completed, ratings or alerts).',
  })
  sample: number;

  @Field(() => Int, { description: 'Smallest sample for which the value is computed.' })
  minimumSample: number;

  @Field(() => Float, { nullable: true, description: "First quartile of the same tier's peers' values." })
  peerQ1: number | null;

  @Field(() => Float, { nullable: true, description: "Median of the peers' values." })
  peerMedian: number | null;

  @Field(() => Float, { nullable: true, description: "Third quartile of the peers' values." })
  peerQ3: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper fence Q3 + 1.5 × (Q3 − Q1): above it the value is an outlier.',
  })
  upperFence: number | null;

  @Field(() => Int, { description: 'Peers of the tier with a value for this indicator.' })
  peers: number;

  @Field(() => Float, {
    nullable: true,
    description: '0 (at or below Q1) to 100 (at or above the upper fence), linear between; null unless CALCULATED.',
  })
  score: number | null;

  @Field(() => RiskBand, { nullable: true })
  band: RiskBand | null;

  @Field(() => String, { nullable: true, description: 'Why the indicator was not calculated (zh-CN).' })
  note: string | null;
}

@ObjectType({
  description:
    "The integrity-risk composite index (勤廉风险综合评价指数) of a unit's subtree for one month: each indicator scored 0-100 against the same tier's peers in the city, then weighted. 0 = as good as the best quarter of peers on every indicator; 100 = an outlier on every indicator.",
})
export class RiskIndex {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field(() => Tier)
  tier: Tier;

  @Field(() => Float, {
    nullable: true,
    description:
      'Σ weight × score over CALCULATED indicators ÷ their total weight; null when that total (coverage) is below 0.5.',
  })
  score: number | null;

  @Field(() => IndicatorStatus)
  status: IndicatorStatus;

  @Field(() => Float, { description: 'Total weight of the CALCULATED indicators (0-1).' })
  coverage: number;

  @Field(() => RiskBand, {
    nullable: true,
    description: "The score's band among the peers' scores (null with fewer than 4 scored peers).",
  })
  band: RiskBand | null;

  @Field(() => Int, { description: 'Units of the same tier in the city with any data in the window.' })
  peerCount: number;

  @Field(() => [RiskIndicator])
  indicators: RiskIndicator[];

  @Field({
    description:
      "When the peers' data was read (it is cached for a minute); the unit's own data is read with the request.",
  })
  peersAsOf: Date;
}

@ObjectType({ description: 'Position of a unit among the same tier in the city by risk index (1 = least risk).' })
export class TierRanking {
  @Field()
  month: string;

  @Field(() => Tier)
  tier: Tier;

  @Field(() => Int, { nullable: true, description: 'null when the unit has no score (INSUFFICIENT_DATA).' })
  position: number | null;

  @Field(() => Int, { description: 'Scored units of the tier (the unit included when scored).' })
  outOf: number;

  @Field(() => Float, { nullable: true })
  score: number | null;
}

@ObjectType({ description: 'One month of the risk index series.' })
export class RiskMonth {
  @Field()
  month: string;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => IndicatorStatus)
  status: IndicatorStatus;

  @Field(() => RiskBand, { nullable: true })
  band: RiskBand | null;

  @Field(() => [RiskIndicatorValue], { description: "Each indicator's value that month (null when not computed)." })
  indicators: RiskIndicatorValue[];
}

@ObjectType({ description: 'An indicator value in a series.' })
export class RiskIndicatorValue {
  @Field()
  key: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true })
  score: number | null;
}
