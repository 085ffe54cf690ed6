/**
 * Every statistic of a unit, as a leadership dashboard asks for it, by the subgraph that answers
 * it (the benchmark fetches the same selections straight from each subgraph). The trends select
 * at least what the risk index requires of them.
 */
export const DASHBOARD_FIELDS = {
  powers: 'code name tier',
  cases: `caseStats(from: $from, to: $to) { filed open completed overdue onTimeRate averageWorkingDays }
  caseTrend { months filed completed overdue late }`,
  evaluations: `satisfaction(from: $dFrom, to: $dTo) { count average dissatisfiedShare rank peers }
  satisfactionSeries(from: $dFrom, to: $dTo) { month count average }
  satisfactionTrend { months ratings average dissatisfied }`,
  complaints: `complaintStats(from: $from, to: $to) { received substantiatedRate per10kCases noticesOpen }
  complaintTrend { months received substantiated }`,
  alerts: `alertTrend { raised red undisposed }
  riskIndex(month: $month) { score status band coverage indicators { key value status score band } }
  ranking(month: $month) { position outOf }
  riskSeries { month score }`,
};

/** The city dashboard (立体画像): the city, its counties and their townships, every statistic. */
export function cityDashboardQuery(city: string): string {
  return `query($from: DateTimeISO!, $to: DateTimeISO!, $dFrom: String!, $dTo: String!, $month: String) {
  unit(code: "${city}") { ...Stats children { ...Stats children { ...Stats } } }
}
fragment Stats on Unit {
  ${Object.values(DASHBOARD_FIELDS).join('\n  ')}
}`;
}

/** Variables for one calendar month (China Standard Time), e.g. `2026-10`. */
export function monthVariables(month: string): { from: string; to: string; dFrom: string; dTo: string; month: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    from: `${month}-01T00:00:00+08:00`,
    to: `${next}-01T00:00:00+08:00`,
    dFrom: `${month}-01`,
    dTo: `${next}-01`,
    month,
  };
}

/** The leaner big screen (大屏): per unit this month's headline figures and its risk score and rank; no series. */
export function cityBigScreenQuery(city: string): string {
  return `query($from: DateTimeISO!, $to: DateTimeISO!, $dFrom: String!, $dTo: String!, $month: String) {
  unit(code: "${city}") { ...Headline children { ...Headline children { ...Headline } } }
}
fragment Headline on Unit {
  code name
  caseStats(from: $from, to: $to) { filed overdue onTimeRate }
  satisfaction(from: $dFrom, to: $dTo) { average }
  riskIndex(month: $month) { score band }
  ranking(month: $month) { position outOf }
}`;
}
