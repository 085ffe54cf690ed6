import { externalTrendType, TREND_CATALOG, trendObjectTypes, type TrendLists, type TrendName } from '@sunlight/shared';
import { riskMeasuresOf, riskSelection } from './risk-inputs';

// The trends other subgraphs own, declared here only as far as the risk index requires them
// (`@requires` on `Unit.riskIndex`); the gateway fetches them and passes them in.

/** The trends the risk index reads from other subgraphs, in the catalog's order. */
export const REQUIRED_TRENDS = (Object.keys(TREND_CATALOG) as TrendName[]).filter(
  (t) => TREND_CATALOG[t].subgraph !== 'alerts' && riskMeasuresOf(t).length > 0,
);

export const CaseTrendRef = externalTrendType('caseTrend', riskMeasuresOf('caseTrend'));
export const SatisfactionTrendRef = externalTrendType('satisfactionTrend', riskMeasuresOf('satisfactionTrend'));
export const ComplaintTrendRef = externalTrendType('complaintTrend', riskMeasuresOf('complaintTrend'));

/** The alerts subgraph's own trend on `Unit` (see the trend catalog). */
export const AlertTrend = trendObjectTypes('alertTrend').Trend;
export type AlertTrend = TrendLists<'alertTrend'>;

/** The fields `riskIndex`, `ranking` and `riskSeries` require from the other subgraphs. */
export const RISK_REQUIRES = REQUIRED_TRENDS.map((t) => `${t} ${riskSelection(t)}`).join(' ');
