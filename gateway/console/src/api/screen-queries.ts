/** The big screen's (大屏) reads: one unit's figures with its children, and alerts. No personal data. */

export type RiskBand = 'NORMAL' | 'ELEVATED' | 'OUTLIER';
export type Tier = 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
export type AlertLevel = 'REMINDER' | 'YELLOW' | 'RED';

export interface CaseStats {
  filed: number;
  open: number;
  overdue: number;
  onTimeRate: number | null;
}
export interface ComplaintStats {
  received: number;
  substantiatedRate: number | null;
  noticesOpen: number;
  noticesOverdue: number;
}
export interface Satisfaction {
  count: number;
  average: number | null;
  satisfiedShare: number | null;
}
export interface Risk {
  month: string;
  score: number | null;
  band: RiskBand | null;
}
export interface Ranking {
  position: number | null;
  outOf: number;
}

export interface ScreenChild {
  code: string;
  name: string;
  tier: Tier;
  riskIndex: Risk | null;
  ranking: Ranking | null;
  caseStats: CaseStats | null;
  satisfaction: Satisfaction | null;
  complaintStats: Pick<ComplaintStats, 'received'> | null;
}

export interface ScreenUnit {
  code: string;
  name: string;
  tier: Tier;
  riskIndex: Risk | null;
  ranking: Ranking | null;
  monthCases: CaseStats | null;
  yearCases: CaseStats | null;
  monthSatisfaction: Satisfaction | null;
  yearSatisfaction: Satisfaction | null;
  monthComplaints: ComplaintStats | null;
  yearComplaints: ComplaintStats | null;
  caseTrend: { months: string[]; filed: number[]; completed: number[]; overdue: number[] } | null;
  complaintTrend: { months: string[]; received: number[]; substantiated: number[] } | null;
  satisfactionTrend: { months: string[]; average: (number | null)[] } | null;
  alertTrend: { months: string[]; raised: number[]; red: number[] } | null;
  children: ScreenChild[];
}

/** What changes with every filing: this month's and this year's figures, for the unit and its children. */
const FIGURE_FIELDS = `
  code name tier
  monthCases: caseStats(from: $monthFrom, to: $to) { filed open overdue onTimeRate }
  yearCases: caseStats(from: $yearFrom, to: $to) { filed open overdue onTimeRate }
  monthSatisfaction: satisfaction(from: $monthDay, to: $toDay) { count average satisfiedShare }
  yearSatisfaction: satisfaction(from: $yearDay, to: $toDay) { count average satisfiedShare }
  monthComplaints: complaintStats(from: $monthFrom, to: $to) { received substantiatedRate noticesOpen noticesOverdue }
  yearComplaints: complaintStats(from: $yearFrom, to: $to) { received substantiatedRate noticesOpen noticesOverdue }
  children {
    code name tier
    caseStats(from: $monthFrom, to: $to) { filed open overdue onTimeRate }
    satisfaction(from: $monthDay, to: $toDay) { count average satisfiedShare }
    complaintStats(from: $monthFrom, to: $to) { received }
  }`;

/**
 * What moves slowly: the 12-month trends and the risk index with ranks (computed against the
 * tier's peers). Kept apart so that a filing's push does not wait for the risk index.
 */
const RISK_FIELDS = `
  code
  riskIndex { month score band }
  ranking { position outOf }
  caseTrend { months filed completed overdue }
  complaintTrend { months received substantiated }
  satisfactionTrend { months average }
  alertTrend { months raised red }
  children { code riskIndex { month score band } ranking { position outOf } }`;

const FIGURE_VARIABLES = `$unit: ID!, $monthFrom: DateTimeISO!, $yearFrom: DateTimeISO!, $to: DateTimeISO!,
  $monthDay: String!, $yearDay: String!, $toDay: String!`;

export const SCREEN_UNIT = `query ScreenUnit(${FIGURE_VARIABLES}) { unit(code: $unit) { ${FIGURE_FIELDS} } }`;
export const SCREEN_RISK = `query ScreenRisk($unit: ID!) { unit(code: $unit) { ${RISK_FIELDS} } }`;

/** The same selections, pushed again after each change in the unit's subtree (the read path's live screen). */
export const SCREEN_LIVE = `subscription ScreenLive(${FIGURE_VARIABLES}) { dashboardUpdated(unit: $unit) { ${FIGURE_FIELDS} } }`;
export const SCREEN_RISK_LIVE = `subscription ScreenRiskLive($unit: ID!) { dashboardUpdated(unit: $unit) { ${RISK_FIELDS} } }`;

export type ScreenFigures = Omit<
  ScreenUnit,
  'riskIndex' | 'ranking' | 'caseTrend' | 'complaintTrend' | 'satisfactionTrend' | 'alertTrend' | 'children'
> & { children: Omit<ScreenChild, 'riskIndex' | 'ranking'>[] };
export type ScreenRisk = Pick<
  ScreenUnit,
  'code' | 'riskIndex' | 'ranking' | 'caseTrend' | 'complaintTrend' | 'satisfactionTrend' | 'alertTrend'
> & { children: Pick<ScreenChild, 'code' | 'riskIndex' | 'ranking'>[] };

/** One unit's figures with what is known of its risk (null until the risk part has answered). */
export function mergeScreen(f: ScreenFigures, r: ScreenRisk | undefined): ScreenUnit {
  const own = r && r.code === f.code ? r : undefined;
  const risk = new Map(own?.children.map((c) => [c.code, c]) ?? []);
  return {
    ...f,
    riskIndex: own?.riskIndex ?? null,
    ranking: own?.ranking ?? null,
    caseTrend: own?.caseTrend ?? null,
    complaintTrend: own?.complaintTrend ?? null,
    satisfactionTrend: own?.satisfactionTrend ?? null,
    alertTrend: own?.alertTrend ?? null,
    children: f.children.map((c) => ({
      ...c,
      riskIndex: risk.get(c.code)?.riskIndex ?? null,
      ranking: risk.get(c.code)?.ranking ?? null,
    })),
  };
}

export interface TickerAlert {
  id: string;
  kind: string;
  level: AlertLevel;
  title: string;
  raisedAt: string;
  unit: { code: string; name: string } | null;
  case: { number: string; powerName: string } | null;
}

const ALERT_FIELDS = 'id kind level title raisedAt unit { code name } case { number powerName }';

export const SCREEN_ALERTS = `query ScreenAlerts($filter: AlertFilter, $first: Int!, $after: String) {
  alerts(filter: $filter, first: $first, after: $after) {
    edges { node { ${ALERT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const SCREEN_ALERT_RAISED = `subscription ScreenAlertRaised($filter: AlertFilter, $after: ID) {
  alertRaised(filter: $filter, after: $after) { ${ALERT_FIELDS} }
}`;

export const CARD_ALERTS = `query ScreenCardAlerts($filter: AlertFilter, $first: Int!, $after: String) {
  alerts(filter: $filter, first: $first, after: $after) {
    edges { node { id level } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface AlertPage<N> {
  alerts: { edges: { node: N }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export const BAND_LABEL: Record<RiskBand, string> = { OUTLIER: '红色', ELEVATED: '橙色', NORMAL: '黄色' };
/** A card's level (红牌, 黄牌, 提醒); other alerts' levels are colours. */
export const CARD_LABEL: Record<AlertLevel, string> = { REMINDER: '提醒', YELLOW: '黄牌', RED: '红牌' };
export const LEVEL_LABEL: Record<AlertLevel, string> = { REMINDER: '提示', YELLOW: '黄色', RED: '红色' };
export const TIER_LABEL: Record<Tier, string> = {
  CITY: '市',
  COUNTY: '县（区）',
  TOWNSHIP: '乡镇（街道）',
  VILLAGE: '村（社区）',
};

/** Where each tier's own digits end in a 12-digit division code. */
const PREFIX: Record<Tier, number> = { CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12 };

/** Is `code` the unit `root` (of tier `tier`) or below it? */
export function inSubtree(root: string, tier: Tier, code: string): boolean {
  return code.slice(0, PREFIX[tier]) === root.slice(0, PREFIX[tier]);
}

/** The figures' windows, in China Standard Time: this month and this year, up to now. */
export interface ScreenWindow {
  monthFrom: string;
  yearFrom: string;
  to: string;
  monthDay: string;
  yearDay: string;
  toDay: string;
  /** YYYY-MM-DD (CST), to notice a new day and move the windows. */
  dayKey: string;
}

const CST_MS = 8 * 3600_000;

export function screenWindow(now = new Date()): ScreenWindow {
  const cst = new Date(now.getTime() + CST_MS);
  const y = cst.getUTCFullYear();
  const m = cst.getUTCMonth();
  const instant = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm, dd) - CST_MS).toISOString();
  const day = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm, dd)).toISOString().slice(0, 10);
  // up to the end of today, so a case filed today counts without moving the window
  const d = cst.getUTCDate();
  return {
    monthFrom: instant(y, m, 1),
    yearFrom: instant(y, 0, 1),
    to: instant(y, m, d + 1),
    monthDay: day(y, m, 1),
    yearDay: day(y, 0, 1),
    toDay: day(y, m, d + 1),
    dayKey: `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  };
}
