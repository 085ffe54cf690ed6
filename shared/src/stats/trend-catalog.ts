import type { SubgraphName } from '../service/subgraph-directory';

/** One monthly measure of a trend: a list with one number per month of the window. */
export interface TrendMeasureSpec {
  /** The GraphQL field's description. */
  readonly description: string;
  /** Not a count: a Float list whose items are null in a month without data (e.g. an average). */
  readonly average?: true;
}

/** A trend a subgraph adds to `Unit`: its GraphQL type and its measures, in field order. */
export interface TrendSpec {
  /** The subgraph that owns the trend (and its service-only `<field>sOfTier` query). */
  readonly subgraph: SubgraphName;
  readonly typeName: string;
  readonly description: string;
  readonly months: string;
  /** The tier-wide row type (`Unit<TypeName>`) and its description. */
  readonly rowDescription: string;
  readonly measures: Readonly<Record<string, TrendMeasureSpec>>;
}

/**
 * Every monthly trend on `Unit`, by field name, declared once: the owning subgraph builds its
 * GraphQL type from it (`trendObjectType`), and a consumer derives its `@requires` selection, its
 * `@external` stub and its peer queries from it (`trendSelection`, `externalTrendType`), so
 * producer and consumer are checked by the compiler, never joined by a string. A measure named
 * here is also the rollup column it is summed from, except where the owner says otherwise.
 */
export const TREND_CATALOG = {
  caseTrend: {
    subgraph: 'cases',
    typeName: 'CaseTrend',
    description:
      "Monthly case measures of a unit's subtree over the last 12 months (the current one last); item i of each list belongs to months[i]. Cases count in the month they were filed.",
    months: 'YYYY-MM, China Standard Time.',
    rowDescription: 'For Sunlight services: the case trend of one unit of a tier.',
    measures: {
      filed: { description: 'Cases filed (受理).' },
      completed: { description: 'Of those, completed (办结).' },
      overdue: { description: 'Of those, with a yellow or red card (逾期).' },
      late: { description: 'Of those completed, finished after their statutory limit (超时办结).' },
    },
  },
  satisfactionTrend: {
    subgraph: 'evaluations',
    typeName: 'SatisfactionTrend',
    description:
      "Monthly satisfaction of a unit's subtree over the last 12 months (the current one last); item i of each list belongs to months[i]. Aggregates only.",
    months: 'YYYY-MM.',
    rowDescription: 'For Sunlight services: the satisfaction trend of one unit of a tier.',
    measures: {
      ratings: { description: 'Ratings dated in the month.' },
      average: { description: 'Average score 1-5; null in a month without ratings.', average: true },
      satisfied: { description: 'Ratings of 4 or 5 (满意).' },
      dissatisfied: { description: 'Ratings of 1 or 2 (不满意).' },
    },
  },
  complaintTrend: {
    subgraph: 'complaints',
    typeName: 'ComplaintTrend',
    description:
      "Monthly complaints about units of a subtree over the last 12 months (the current one last); item i of each list belongs to months[i]. Complaints against a unit's leadership are not counted here.",
    months: 'YYYY-MM, China Standard Time.',
    rowDescription: 'For Sunlight services: the complaint trend of one unit of a tier.',
    measures: {
      received: { description: 'Complaints received (信访举报).' },
      concluded: { description: 'Of those, concluded.' },
      substantiated: { description: 'Of those concluded, substantiated or partly substantiated (查实).' },
    },
  },
  alertTrend: {
    subgraph: 'alerts',
    typeName: 'AlertTrend',
    description:
      "Monthly alerts about units of a subtree over the last 12 months (the current one last); item i of each list belongs to months[i]. Alerts about a unit's leadership are not counted.",
    months: 'YYYY-MM, China Standard Time.',
    rowDescription: 'For Sunlight services: the alert trend of one unit of a tier.',
    measures: {
      raised: { description: 'Alerts raised.' },
      red: { description: 'Of those, red.' },
      undisposed: { description: 'Of those, not yet disposed of.' },
    },
  },
} as const satisfies Record<string, TrendSpec>;

/** A trend's field on `Unit`. */
export type TrendName = keyof typeof TREND_CATALOG;

/** A measure of trend `T`. */
export type TrendMeasure<T extends TrendName> = keyof (typeof TREND_CATALOG)[T]['measures'] & string;

/** A measure of trend `T` that counts (an Int list, never null). */
export type TrendCount<T extends TrendName> = {
  [M in TrendMeasure<T>]: (typeof TREND_CATALOG)[T]['measures'][M] extends { average: true } ? never : M;
}[TrendMeasure<T>];

/** Trend `T` as GraphQL returns it, limited to the measures `M`: `months[i]` labels item i of every list. */
export type TrendLists<T extends TrendName, M extends TrendMeasure<T> = TrendMeasure<T>> = { months: string[] } & {
  [K in M]: (typeof TREND_CATALOG)[T]['measures'][K] extends { average: true } ? (number | null)[] : number[];
};
