import { randomBytes, randomUUID } from 'node:crypto';
import { CalendarGapReporter, createLogger, Role, type Principal, type TraceCheckpointJob } from '@sunlight/shared';
import { openClockedTestDatabase, startTestTraceCheckpoints, type ClockedTestDatabase } from '@sunlight/shared/testing';
import { CaseFilingService } from '../case/case-filing.service';
import { CaseQueryService } from '../case/case-query.service';
import { CaseTransitionService } from '../case/case-transition.service';
import { createCaseLoaders } from '../case/case.loader';
import type { CasesConfig } from '../cases-config';
import { createCasesSubgraph } from '../cases.subgraph';
import type { CardNotice } from '../clock/card-notifier';
import type { PowerSnapshot } from '../clients/power-snapshot';
import { CardScheduler } from '../jobs/card-scheduler';
import { CASE_TRACE_TABLES } from '../trace/case-trace';
import { StubPowers } from './stub-powers';

/** A fresh, migrated cases database with the services under test, a settable clock and a stub powers service. */
export interface CasesDatabase extends ClockedTestDatabase {
  config: CasesConfig;
  powers: StubPowers;
  /** Card notices the scheduler sent, in order. */
  notices: CardNotice[];
  filing: CaseFilingService;
  transitions: CaseTransitionService;
  scheduler: CardScheduler;
  /** The checkpoint job, driven by hand (no timer), with fresh keys. */
  checkpointJob: TraceCheckpointJob;
  /** A query service with fresh loaders, as one request gets. */
  reads(): CaseQueryService;
}

/** Staff of a unit, as principals. */
export const staff = {
  clerk(unit: string, department: string, subject = `clerk-${randomUUID().slice(0, 8)}`): Principal {
    return { subject, role: Role.CLERK, unit, department };
  },
  leader(unit: string, subject = `leader-${randomUUID().slice(0, 8)}`): Principal {
    return { subject, role: Role.LEADER, unit };
  },
  inspector(unit: string, subject = `inspector-${randomUUID().slice(0, 8)}`): Principal {
    return { subject, role: Role.INSPECTOR, unit };
  },
};

/**
 * Opens a throwaway database on the run's PostgreSQL with the cases migrations; the clock starts at
 * `start`, and the stub powers service has `published` published.
 */
export async function openCasesDatabase(start: Date, ...published: PowerSnapshot[]): Promise<CasesDatabase> {
  const db = await openClockedTestDatabase({
    schema: 'cases',
    migrations: createCasesSubgraph().migrations,
    keyPrefix: 'cases-int',
    start,
  });
  const { ds } = db;
  const powers = new StubPowers();
  for (const power of published) powers.publish(power);
  const notices: CardNotice[] = [];
  const checkpoints = startTestTraceCheckpoints('cases', CASE_TRACE_TABLES, ds);
  const config: CasesConfig = {
    get calendar() {
      return db.liveCalendar.current;
    },
    calendarGaps: new CalendarGapReporter(ds, 'case.calendar_not_loaded', createLogger('cases-test')),
    queryCodeKey: new Uint8Array(randomBytes(32)),
    powers,
    thresholds: { reminderRatio: 0.8, redAfterOverdueDays: 3 },
    notifier: {
      async notify(notice) {
        notices.push(notice);
      },
    },
    now: db.now,
    checkpoints: checkpoints.log,
  };
  return {
    ...db,
    config,
    powers,
    notices,
    filing: new CaseFilingService(ds, config),
    transitions: new CaseTransitionService(ds, config),
    scheduler: new CardScheduler(ds, config, createLogger('cases-test')),
    checkpointJob: checkpoints.job,
    reads: () => new CaseQueryService(ds, createCaseLoaders(ds), config),
  };
}
