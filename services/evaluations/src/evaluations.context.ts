import {
  orderByKeys,
  requestScope,
  subtreeTrends,
  type ContextInput,
  type RollupTrends,
  type SubgraphContext,
} from '@sunlight/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { CampaignService } from './campaign/campaign.service';
import type { EvaluationsConfig } from './evaluations-config';
import { IndicatorSetService } from './indicator/indicator-set.service';
import { RatingService } from './rating/rating.service';
import { evaluationsScope } from './stats/evaluations-scope';
import type { RatingMonthSums } from './stats/rating-month-sums';
import { createSatisfactionLoaders, type SatisfactionLoaders } from './stats/satisfaction.loader';
import { RATING_MEASURES, type RatingMeasure } from './stats/satisfaction-trend.type';

/** Per-request context of the evaluations subgraph. */
export interface EvaluationsContext extends SubgraphContext {
  dataSource: DataSource;
  ratings: RatingService;
  indicatorSets: IndicatorSetService;
  campaigns: CampaignService;
  satisfaction: SatisfactionLoaders;
  /** Monthly satisfaction trends, from the service's in-memory subtree sums. */
  trends: RollupTrends<RatingMeasure>;
  evaluationsScope: typeof evaluationsScope;
  /** The unit a department or post was rated at (from the ratings themselves), for reference scope checks. */
  ratedUnit: DataLoader<string, string | null>;
}

export function evaluationsContextFactory(config: EvaluationsConfig, sums: RatingMonthSums) {
  return ({ principal, requestId, dataSource }: ContextInput): EvaluationsContext => ({
    principal,
    requestId,
    dataSource,
    ratings: new RatingService(dataSource, config),
    indicatorSets: new IndicatorSetService(dataSource),
    campaigns: new CampaignService(dataSource, config),
    satisfaction: createSatisfactionLoaders(dataSource, sums),
    trends: subtreeTrends(sums, RATING_MEASURES, config.now),
    evaluationsScope,
    // A scope check: where was this department or post rated, wherever that is (hence the system scope).
    ratedUnit: new DataLoader(async (ids) => {
      const rows: { id: string; unit_code: string }[] = await requestScope.asSystem(() =>
        dataSource.query(
          `SELECT DISTINCT ON (k.id) k.id, r.unit_code FROM unnest($1::text[]) AS k(id)
           JOIN rating r ON r.department_id::text = k.id OR r.post_id::text = k.id`,
          [ids],
        ),
      );
      return orderByKeys(ids, rows, (r) => r.id).map((r) => r?.unit_code ?? null);
    }),
  });
}
