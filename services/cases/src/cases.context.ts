import { subtreeTrends, type ContextInput, type RollupTrends, type SubgraphContext } from '@sunlight/shared';
import { CalendarService } from './calendar/calendar.service';
import { CaseFilingService } from './case/case-filing.service';
import { CaseQueryService } from './case/case-query.service';
import { CaseTransitionService } from './case/case-transition.service';
import { createCaseLoaders, type CaseLoaders } from './case/case.loader';
import type { CasesConfig } from './cases-config';
import { CaseLookupService } from './lookup/case-lookup.service';
import type { CaseMonthSums } from './stats/case-month-sums';
import { createCaseStatsLoader, type CaseStatsLoader } from './stats/case-stats.loader';
import { CASE_MEASURES, type CaseMeasure } from './stats/case-trend.type';
import { CaseCheckpointService } from './transparency/case-checkpoint.service';

/** Per-request context of the cases subgraph; loaders are created here, once per request. */
export interface CasesContext extends SubgraphContext {
  loaders: CaseLoaders;
  stats: CaseStatsLoader;
  /** Monthly case trends, from the service's in-memory subtree sums. */
  trends: RollupTrends<CaseMeasure>;
  cases: CaseQueryService;
  filing: CaseFilingService;
  transitions: CaseTransitionService;
  lookup: CaseLookupService;
  /** The signed checkpoints of the case trace log. */
  checkpoints: CaseCheckpointService;
  /** The shared working calendar: loading a year's holiday notice. */
  calendar: CalendarService;
}

/** Binds the process-wide configuration and subtree sums into a per-request context factory. */
export function casesContextFactory(config: CasesConfig, sums: CaseMonthSums) {
  return ({ principal, requestId, dataSource }: ContextInput): CasesContext => {
    const loaders = createCaseLoaders(dataSource);
    const cases = new CaseQueryService(dataSource, loaders, config);
    return {
      principal,
      requestId,
      loaders,
      stats: createCaseStatsLoader(dataSource, sums),
      trends: subtreeTrends(sums, CASE_MEASURES, config.now),
      cases,
      filing: new CaseFilingService(dataSource, config),
      transitions: new CaseTransitionService(dataSource, config),
      lookup: new CaseLookupService(dataSource, cases, loaders, config),
      checkpoints: new CaseCheckpointService(dataSource, cases, config),
      calendar: new CalendarService(dataSource),
    };
  };
}
