/** A trend as the contributing subgraphs return it: `months[i]` labels item i of every list. */
interface MonthlyLists {
  months: string[];
}

export interface CaseTrendInput extends MonthlyLists {
  filed: number[];
  completed: number[];
  overdue: number[];
  late: number[];
}

export interface SatisfactionTrendInput extends MonthlyLists {
  ratings: number[];
  dissatisfied: number[];
}

export interface ComplaintTrendInput extends MonthlyLists {
  received: number[];
}

export interface AlertTrendInput extends MonthlyLists {
  raised: number[];
  red: number[];
  undisposed: number[];
}

/** Everything the risk index of one unit is computed from (a source without data is absent). */
export interface UnitRiskInputs {
  cases?: CaseTrendInput;
  satisfaction?: SatisfactionTrendInput;
  complaints?: ComplaintTrendInput;
  alerts?: AlertTrendInput;
}

/** One unit's inputs in one month. */
export interface MonthInputs {
  filed: number;
  completed: number;
  overdue: number;
  late: number;
  ratings: number;
  dissatisfied: number;
  complaints: number;
  alerts: number;
  redAlerts: number;
  undisposedAlerts: number;
}

const at = <T extends MonthlyLists>(trend: T | undefined, month: string, pick: (t: T, i: number) => number): number => {
  if (!trend) return 0;
  const i = trend.months.indexOf(month);
  return i < 0 ? 0 : pick(trend, i);
};

/** The inputs of `month` (a month a source has no row for counts as zero activity). */
export function inputsAt(u: UnitRiskInputs, month: string): MonthInputs {
  return {
    filed: at(u.cases, month, (t, i) => t.filed[i]!),
    completed: at(u.cases, month, (t, i) => t.completed[i]!),
    overdue: at(u.cases, month, (t, i) => t.overdue[i]!),
    late: at(u.cases, month, (t, i) => t.late[i]!),
    ratings: at(u.satisfaction, month, (t, i) => t.ratings[i]!),
    dissatisfied: at(u.satisfaction, month, (t, i) => t.dissatisfied[i]!),
    complaints: at(u.complaints, month, (t, i) => t.received[i]!),
    alerts: at(u.alerts, month, (t, i) => t.raised[i]!),
    redAlerts: at(u.alerts, month, (t, i) => t.red[i]!),
    undisposedAlerts: at(u.alerts, month, (t, i) => t.undisposed[i]!),
  };
}
