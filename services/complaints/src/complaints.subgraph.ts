import {
  CalendarGapReporter,
  LiveWorkingCalendar,
  env,
  OutboxNotify1765000000000,
  PlatformTables1763769600000,
  PreparedValue,
  readEnv,
  startSubgraphTraceCheckpoints,
  subgraphUrl,
  type TraceCheckpointOverrides,
  type SubgraphDefinition,
} from '@sunlight/shared';
import { casesFiledClient } from './clients/cases-client';
import { knownUnitsClient } from './clients/powers-units-client';
import { ComplaintClock } from './jobs/complaint-clock';
import type { ComplaintsConfig } from './complaints-config';
import { complaintsContextFactory, type ComplaintsContext } from './complaints.context';
import { complaintReference, noticeReference, unitReference } from './complaint/complaint.reference';
import { ComplaintResolver } from './complaint/complaint.resolver';
import { IdentityCipher } from './identity/identity-cipher';
import { Complaints1763770200000 } from './migrations/1763770200000-complaints';
import { AppendOnlyAndCalendar1763770300000 } from './migrations/1763770300000-append-only-and-calendar';
import { SharedCalendar1767100000000 } from './migrations/1767100000000-shared-calendar';
import { ComplaintMonthStat1763770700000 } from './migrations/1763770700000-complaint-month-stat';
import { ComplaintMonthStatChanges1765200000000 } from './migrations/1765200000000-complaint-month-stat-changes';
import { NoticeService } from './notice/notice.service';
import { NoticeResolver } from './notice/notice.resolver';
import { createComplaintMonthSums, type ComplaintMonthSums } from './stats/complaint-month-sums';
import { UnitComplaintStatsResolver } from './stats/complaint-stats.resolver';
import { UnitRef } from './unit/unit-ref.type';
import { UnitComplaintTrendResolver } from './stats/unit-complaint-trend.resolver';
import { TraceCheckpoint1766200000000 } from './migrations/1766200000000-trace-checkpoint';
import { TraceCheckpointAppendOnly1766200000100 } from './migrations/1766200000100-trace-checkpoint-append-only';
import { NoticeRowSecurity1766300000000 } from './migrations/1766300000000-notice-row-security';
import { ComplaintRowSecurity1766300000001 } from './migrations/1766300000001-complaint-row-security';
import { COMPLAINT_TRACE_TABLES } from './complaint/complaint-trace';
import {
  ComplaintCheckpointResolver,
  ComplaintProgressProofResolver,
} from './transparency/complaint-checkpoint.resolver';

/** The complaints subgraph, plus its runtime configuration once prepared. */
export interface ComplaintsSubgraph extends SubgraphDefinition<ComplaintsContext> {
  config(): ComplaintsConfig;
}

/**
 * Builds the complaints subgraph. In production `COMPLAINANT_KEY` (32 bytes, base64) must be set:
 * it encrypts complainants' identities; in development a key is derived from the internal secret.
 */
export function createComplaintsSubgraph(
  overrides: Partial<ComplaintsConfig> & {
    clockIntervalMs?: number;
  } & TraceCheckpointOverrides = {},
): ComplaintsSubgraph {
  const config = new PreparedValue<ComplaintsConfig>('complaints');
  const sums = new PreparedValue<ComplaintMonthSums>('complaints');
  return {
    name: 'complaints',
    entities: [],
    migrations: [
      PlatformTables1763769600000,
      Complaints1763770200000,
      AppendOnlyAndCalendar1763770300000,
      ComplaintMonthStat1763770700000,
      OutboxNotify1765000000000,
      ComplaintMonthStatChanges1765200000000,
      TraceCheckpoint1766200000000,
      TraceCheckpointAppendOnly1766200000100,
      NoticeRowSecurity1766300000000,
      ComplaintRowSecurity1766300000001,
      SharedCalendar1767100000000,
    ],
    resolvers: [
      ComplaintResolver,
      NoticeResolver,
      UnitComplaintStatsResolver,
      UnitComplaintTrendResolver,
      ComplaintCheckpointResolver,
      ComplaintProgressProofResolver,
    ],
    orphanedTypes: [UnitRef],
    references: { Complaint: complaintReference, Unit: unitReference, Notice: noticeReference },
    createContext: (input) => complaintsContextFactory(config.get(), sums.get())(input),
    config: config.get,
    async prepare({ dataSource, databaseUrl, logger, tokens }) {
      const e = readEnv({
        NODE_ENV: env.oneOf(['development', 'production', 'test'] as const, 'development'),
        COMPLAINANT_KEY: env.optionalString(),
        COMPLAINT_ACCEPT_DAYS: env.int(15, 1, 365),
        COMPLAINT_CONCLUDE_DAYS: env.int(60, 1, 365),
        COMPLAINT_EXTENSION_DAYS: env.int(30, 1, 365),
        COMPLAINT_ESCALATE_AFTER_DAYS: env.int(5, 0, 365),
        COMPLAINT_CLOCK_INTERVAL_MS: env.int(60_000, 0, 24 * 3600 * 1000),
      });
      if (!e.COMPLAINANT_KEY && e.NODE_ENV === 'production')
        throw new Error('COMPLAINANT_KEY (32 bytes, base64) is required when NODE_ENV=production');
      const key: Uint8Array = e.COMPLAINANT_KEY
        ? new Uint8Array(Buffer.from(e.COMPLAINANT_KEY, 'base64'))
        : tokens.deriveKey('complainant-identity');
      // The shared working calendar, reloaded on every load (NOTIFY, or the poll) without a restart.
      const calendar = await LiveWorkingCalendar.open(dataSource);
      await calendar.start(databaseUrl, logger);
      const checkpoints = startSubgraphTraceCheckpoints(
        'complaints',
        COMPLAINT_TRACE_TABLES,
        { dataSource, logger },
        overrides,
      );
      const prepared = config.set({
        get calendar() {
          return overrides.calendar ?? calendar.current;
        },
        calendarGaps:
          overrides.calendarGaps ?? new CalendarGapReporter(dataSource, 'complaint.calendar_not_loaded', logger),
        cipher: overrides.cipher ?? new IdentityCipher(key),
        limits: overrides.limits ?? {
          acceptDays: e.COMPLAINT_ACCEPT_DAYS,
          concludeDays: e.COMPLAINT_CONCLUDE_DAYS,
          extensionDays: e.COMPLAINT_EXTENSION_DAYS,
          escalateAfterDays: e.COMPLAINT_ESCALATE_AFTER_DAYS,
        },
        casesFiled: overrides.casesFiled ?? casesFiledClient(subgraphUrl('cases'), tokens),
        knownUnits: overrides.knownUnits ?? knownUnitsClient(subgraphUrl('powers'), tokens),
        now: overrides.now ?? (() => new Date()),
        checkpoints: overrides.checkpoints ?? checkpoints.log,
      });
      const held = createComplaintMonthSums(dataSource);
      await held.start({ logger });
      sums.set(held);
      const interval = overrides.clockIntervalMs ?? e.COMPLAINT_CLOCK_INTERVAL_MS;
      if (interval === 0)
        return async () => {
          await checkpoints.stop();
          await held.stop();
          await calendar.stop();
        };
      const clock = new ComplaintClock(dataSource, prepared, logger);
      const notices = new NoticeService(dataSource, prepared);
      let running: Promise<unknown> = Promise.resolve();
      const timer = setInterval(() => {
        running = running
          .then(() => Promise.all([clock.runOnce(), notices.raiseOverdue(prepared.now())]))
          .catch((err: unknown) => logger.error('complaint clock failed', { error: String(err) }));
      }, interval);
      return async () => {
        clearInterval(timer);
        await running;
        await checkpoints.stop();
        await held.stop();
        await calendar.stop();
      };
    },
  };
}
