import type { MonthInputs } from './risk-inputs';

/** One indicator of the risk index (勤廉风险综合评价指数). Higher values always mean more risk. */
export interface RiskIndicatorDefinition {
  key: string;
  /** The name officials read (zh-CN). */
  name: string;
  /** Share of the index; the weights sum to 1. */
  weight: number;
  /** What the value measures. */
  description: string;
  /** The count the value is a share of; below `minimumSample` the indicator is INSUFFICIENT_DATA. */
  sample: (i: MonthInputs) => number;
  minimumSample: number;
  /** The value, given a sample of at least `minimumSample`. */
  value: (i: MonthInputs) => number;
}

/**
 * The indicators, their weights and minimum samples. Case timeliness weighs most (the seeds'
 * 电子监察 centres are built around it), then what citizens say (ratings and complaints), then
 * how alerts were dealt with.
 */
export const RISK_INDICATORS: readonly RiskIndicatorDefinition[] = [
  {
    key: 'OVERDUE_RATE',
    name: '办件逾期率',
    weight: 0.25,
    description: '当月受理的办件中被亮黄牌或红牌的比例。',
    sample: (i) => i.filed,
    minimumSample: 5,
    value: (i) => i.overdue / i.filed,
  },
  {
    key: 'LATE_COMPLETION_RATE',
    name: '超时办结率',
    weight: 0.15,
    description: '当月受理并已办结的办件中超过法定时限办结的比例。',
    sample: (i) => i.completed,
    minimumSample: 5,
    value: (i) => i.late / i.completed,
  },
  {
    key: 'DISSATISFACTION_RATE',
    name: '群众不满意率',
    weight: 0.2,
    description: '当月评价中评为 1 分或 2 分（不满意）的比例。',
    sample: (i) => i.ratings,
    minimumSample: 10,
    value: (i) => i.dissatisfied / i.ratings,
  },
  {
    key: 'COMPLAINT_RATE',
    name: '万件投诉率',
    weight: 0.2,
    description: '当月针对本辖区单位的投诉数（不含针对领导班子的投诉），按每万件当月受理办件计。',
    sample: (i) => i.filed,
    minimumSample: 20,
    value: (i) => (i.complaints / i.filed) * 10_000,
  },
  {
    key: 'RED_ALERT_RATE',
    name: '红色预警率',
    weight: 0.1,
    description: '当月每受理 100 件办件产生的红色预警数。',
    sample: (i) => i.filed,
    minimumSample: 5,
    value: (i) => (i.redAlerts / i.filed) * 100,
  },
  {
    key: 'UNDISPOSED_ALERT_SHARE',
    name: '预警未处置率',
    weight: 0.1,
    description: '当月产生的预警中尚未处置的比例。',
    sample: (i) => i.alerts,
    minimumSample: 3,
    value: (i) => i.undisposedAlerts / i.alerts,
  },
];

/** Indicators whose weights sum to less than this leave the index INSUFFICIENT_DATA. */
export const MINIMUM_COVERAGE = 0.5;
/** Fewer CALCULATED peers than this and an indicator has no fences (INSUFFICIENT_DATA). */
export const MINIMUM_PEERS = 4;
