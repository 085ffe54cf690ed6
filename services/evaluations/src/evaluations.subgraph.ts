import {
  OutboxNotify1765000000000,
  PlatformTables1763769600000,
  PreparedValue,
  subgraphUrl,
  type SubgraphDefinition,
} from '@sunlight/shared';
import { CampaignResolver } from './campaign/campaign.resolver';
import { DepartmentRef, PostRef, UnitRef } from './unit/entity-refs';
import { departmentReference, postReference, unitReference } from './unit/entity.reference';
import type { EvaluationsConfig } from './evaluations-config';
import { evaluationsContextFactory, type EvaluationsContext } from './evaluations.context';
import { IndicatorSetResolver } from './indicator/indicator-set.resolver';
import { Evaluations1763770000000 } from './migrations/1763770000000-evaluations';
import { DefaultIndicatorSets1763770100000 } from './migrations/1763770100000-default-indicator-sets';
import { RatingMonthStat1763770600000 } from './migrations/1763770600000-rating-month-stat';
import { RatingMonthStatChanges1765200000000 } from './migrations/1765200000000-rating-month-stat-changes';
import { RatingMonthStatNotify1765300000000 } from './migrations/1765300000000-rating-month-stat-notify';
import { RatingRowSecurity1766300000000 } from './migrations/1766300000000-rating-row-security';
import { RatingResolver } from './rating/rating.resolver';
import { createRatingMonthSums, type RatingMonthSums } from './stats/rating-month-sums';
import {
  DepartmentSatisfactionResolver,
  PostSatisfactionResolver,
  UnitSatisfactionResolver,
} from './stats/satisfaction.resolver';
import { UnitSatisfactionTrendResolver } from './stats/unit-satisfaction-trend.resolver';
import { ServiceUpstream } from './clients/upstream';

/** The evaluations subgraph, plus its runtime configuration once prepared. */
export interface EvaluationsSubgraph extends SubgraphDefinition<EvaluationsContext> {
  config(): EvaluationsConfig;
}

/** Builds the evaluations subgraph; `overrides` replace parts of its configuration (tests). */
export function createEvaluationsSubgraph(overrides: Partial<EvaluationsConfig> = {}): EvaluationsSubgraph {
  const config = new PreparedValue<EvaluationsConfig>('evaluations');
  const sums = new PreparedValue<RatingMonthSums>('evaluations');
  return {
    name: 'evaluations',
    entities: [],
    migrations: [
      PlatformTables1763769600000,
      Evaluations1763770000000,
      DefaultIndicatorSets1763770100000,
      RatingMonthStat1763770600000,
      OutboxNotify1765000000000,
      RatingMonthStatChanges1765200000000,
      RatingMonthStatNotify1765300000000,
      RatingRowSecurity1766300000000,
    ],
    resolvers: [
      RatingResolver,
      IndicatorSetResolver,
      CampaignResolver,
      UnitSatisfactionResolver,
      DepartmentSatisfactionResolver,
      PostSatisfactionResolver,
      UnitSatisfactionTrendResolver,
    ],
    // Entities this subgraph only extends: no field of its own returns them, so list them.
    orphanedTypes: [UnitRef, DepartmentRef, PostRef],
    references: { Unit: unitReference, Department: departmentReference, Post: postReference },
    createContext: (input) => evaluationsContextFactory(config.get(), sums.get())(input),
    config: config.get,
    async prepare({ dataSource, logger, tokens }) {
      config.set({
        upstream:
          overrides.upstream ??
          new ServiceUpstream({ cases: subgraphUrl('cases'), powers: subgraphUrl('powers') }, tokens),
        stageKey: overrides.stageKey ?? tokens.deriveKey('rating-stage'),
        deviceKey: overrides.deviceKey ?? tokens.deriveKey('rating-device'),
        ballotKey: overrides.ballotKey ?? tokens.deriveKey('review-ballot'),
        now: overrides.now ?? (() => new Date()),
      });
      const held = createRatingMonthSums(dataSource);
      await held.start({ logger });
      sums.set(held);
      return () => held.stop();
    },
  };
}
