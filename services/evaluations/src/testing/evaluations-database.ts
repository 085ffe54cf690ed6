import { randomBytes, randomUUID } from 'node:crypto';
import { Role, type Principal, type Tier } from '@sunlight/shared';
import { openTestDataSource, serviceTestDatabase, type ServiceTestDatabase } from '@sunlight/shared/testing';
import { CampaignService } from '../campaign/campaign.service';
import type { IndicatorScoreInput } from '../campaign/campaign.input';
import type { EvaluationsConfig } from '../evaluations-config';
import { createEvaluationsSubgraph } from '../evaluations.subgraph';
import type { IndicatorSetContent } from '../indicator/indicator-set-content';
import { RatingService } from '../rating/rating.service';
import { StubUpstream } from './stub-upstream';

/** A fresh, migrated evaluations database (default indicator sets included) with the services under test. */
export interface EvaluationsDatabase extends ServiceTestDatabase {
  config: EvaluationsConfig;
  upstream: StubUpstream;
  ratings: RatingService;
  campaigns: CampaignService;
  setNow(at: Date): void;
  /** A score for every indicator of the active default set of `tier`: `score(code)` decides each. */
  scoresFor(tier: Tier, score: (code: string) => number): Promise<IndicatorScoreInput[]>;
}

/** People, as principals. */
export const people = {
  citizen(client = '192.0.2.10'): Principal {
    return { subject: 'public', role: Role.PUBLIC, client };
  },
  inspector(unit: string, subject = `inspector-${randomUUID().slice(0, 8)}`): Principal {
    return { subject, role: Role.INSPECTOR, unit };
  },
  clerk(unit: string, subject = `clerk-${randomUUID().slice(0, 8)}`): Principal {
    return { subject, role: Role.CLERK, unit };
  },
};

/** Opens a throwaway database with the evaluations migrations; the clock starts at `start`. */
export async function openEvaluationsDatabase(start: Date): Promise<EvaluationsDatabase> {
  const db = await openTestDataSource({
    schema: 'evaluations',
    entities: [],
    migrations: createEvaluationsSubgraph().migrations,
  });
  const ds = db.dataSource;
  let now = start;
  const upstream = new StubUpstream();
  const config: EvaluationsConfig = {
    upstream,
    stageKey: new Uint8Array(randomBytes(32)),
    deviceKey: new Uint8Array(randomBytes(32)),
    ballotKey: new Uint8Array(randomBytes(32)),
    now: () => now,
  };
  return {
    ...serviceTestDatabase(db, 'evaluations-int'),
    config,
    upstream,
    ratings: new RatingService(ds, config),
    campaigns: new CampaignService(ds, config),
    setNow(at) {
      now = at;
    },
    async scoresFor(tier, score) {
      const [set]: { content: IndicatorSetContent }[] = await ds.query(
        "SELECT content FROM indicator_set WHERE tier = $1 AND status = 'ACTIVE' AND owner_unit IS NULL",
        [tier],
      );
      if (!set) throw new Error(`no default indicator set for ${tier}`);
      return set.content.aspects.flatMap((a) => a.indicators.map((i) => ({ indicator: i.code, score: score(i.code) })));
    },
  };
}
