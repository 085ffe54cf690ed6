import { rollupTrends, type ContextInput, type RollupTrends, type SubgraphContext } from '@sunlight/shared';
import { CaseFilingService } from './case/case-filing.service';
import { CaseQueryService } from './case/case-query.service';
import { CaseTransitionService } from './case/case-transition.service';
import { createCaseLoaders, type CaseLoaders } from './case/case.loader';
import type { CasesConfig } from './case/cases-config';
import { CaseLookupService } from './lookup/case-lookup.service';
import { createCaseStatsLoader, type CaseStatsLoader } from './stats/case-stats.loader';
import { CASE_MEASURES, type CaseMeasure } from './stats/case-trend.type';

/** Per-request context of the cases subgraph; loaders are created here, once per request. */
export interface CasesContext extends SubgraphContext {
  loaders: CaseLoaders;
  stats: CaseStatsLoader;
  /** Monthly rollup of cases (one statement per request for any number of units). */
  trends: RollupTrends<CaseMeasure>;
  cases: CaseQueryService;
  filing: CaseFilingService;
  transitions: CaseTransitionService;
  lookup: CaseLookupService;
}

/** Binds the process-wide configuration into a per-request context factory. */
export function casesContextFactory(config: CasesConfig) {
  return ({ principal, requestId, dataSource }: ContextInput): CasesContext => {
    const loaders = createCaseLoaders(dataSource);
    const cases = new CaseQueryService(dataSource, loaders, config);
    return {
      principal,
      requestId,
      loaders,
      stats: createCaseStatsLoader(dataSource),
      trends: rollupTrends(dataSource, 'case_month_stat', CASE_MEASURES, config.now),
      cases,
      filing: new CaseFilingService(dataSource, config),
      transitions: new CaseTransitionService(dataSource, config),
      lookup: new CaseLookupService(dataSource, cases, loaders, config),
    };
  };
}
