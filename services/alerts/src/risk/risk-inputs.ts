import { trendSelection, type TrendCount, type TrendLists, type TrendMeasure, type TrendName } from '@sunlight/shared';

/** Where one input of the risk index comes from: a counted measure of a trend on `Unit`. */
type TrendInput = { [T in TrendName]: { trend: T; measure: TrendCount<T> } }[TrendName];

/**
 * Every input the risk indicators read, by name, and the trend measure it is. From this the
 * alerts subgraph derives what it asks of the others: the `@requires` selection on `Unit`, the
 * `@external` stubs of their trends and the tier-wide peer queries. A new input is a new line
 * here (and its measure in the trend catalog).
 */
export const RISK_INPUTS = {
  filed: { trend: 'caseTrend', measure: 'filed' },
  completed: { trend: 'caseTrend', measure: 'completed' },
  overdue: { trend: 'caseTrend', measure: 'overdue' },
  late: { trend: 'caseTrend', measure: 'late' },
  ratings: { trend: 'satisfactionTrend', measure: 'ratings' },
  dissatisfied: { trend: 'satisfactionTrend', measure: 'dissatisfied' },
  complaints: { trend: 'complaintTrend', measure: 'received' },
  alerts: { trend: 'alertTrend', measure: 'raised' },
  redAlerts: { trend: 'alertTrend', measure: 'red' },
  undisposedAlerts: { trend: 'alertTrend', measure: 'undisposed' },
} as const satisfies Record<string, TrendInput>;

type RiskInputName = keyof typeof RISK_INPUTS;

/** The measures of trend `T` that the risk index reads. */
export type RiskMeasure<T extends TrendName> = Extract<(typeof RISK_INPUTS)[RiskInputName], { trend: T }>['measure'] &
  TrendMeasure<T>;

/** The measures of trend `name` that the risk index reads, in the order of `RISK_INPUTS`. */
export function riskMeasuresOf<T extends TrendName>(name: T): RiskMeasure<T>[] {
  const measures = Object.values(RISK_INPUTS)
    .filter((input) => input.trend === name)
    .map((input) => input.measure as RiskMeasure<T>);
  return [...new Set(measures)];
}

/** What the risk index selects of trend `name`, e.g. `{ months filed completed }`. */
export function riskSelection<T extends TrendName>(name: T): string {
  return trendSelection(name, riskMeasuresOf(name));
}

/** Trend `T` as far as the risk index reads it: `months[i]` labels item i of every list. */
export type RiskTrendInput<T extends TrendName> = TrendLists<T, RiskMeasure<T>>;
export type CaseTrendInput = RiskTrendInput<'caseTrend'>;
export type SatisfactionTrendInput = RiskTrendInput<'satisfactionTrend'>;
export type ComplaintTrendInput = RiskTrendInput<'complaintTrend'>;
export type AlertTrendInput = RiskTrendInput<'alertTrend'>;

/** Everything the risk index of one unit is computed from, by trend (a source without data is absent). */
export type UnitRiskInputs = { [T in TrendName]?: RiskTrendInput<T> };

/** One unit's inputs in one month. */
export type MonthInputs = Record<RiskInputName, number>;

/** Every input at zero: a month without activity. */
export const NO_INPUTS: Readonly<MonthInputs> = Object.freeze(
  Object.fromEntries(Object.keys(RISK_INPUTS).map((k) => [k, 0])) as MonthInputs,
);

/** The inputs of `month` (a month a source has no row for counts as zero activity). */
export function inputsAt(u: UnitRiskInputs, month: string): MonthInputs {
  const out = { ...NO_INPUTS };
  for (const [name, { trend, measure }] of Object.entries(RISK_INPUTS) as [RiskInputName, TrendInput][]) {
    const t = u[trend];
    const i = t ? t.months.indexOf(month) : -1;
    // Each trend's lists are keyed by its measures; the catalog's types guarantee `measure` is one.
    if (t && i >= 0) out[name] = (t as unknown as Record<string, number[]>)[measure]![i]!;
  }
  return out;
}
