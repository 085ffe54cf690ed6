import { randomBytes, randomUUID } from 'node:crypto';
import { CalendarGapReporter, createLogger, Role, type Principal } from '@sunlight/shared';
import { openClockedTestDatabase, startTestTraceCheckpoints, type ClockedTestDatabase } from '@sunlight/shared/testing';
import { COMPLAINT_TRACE_TABLES } from '../complaint/complaint-trace';
import { ComplaintClock } from '../jobs/complaint-clock';
import { ComplaintFilingService } from '../complaint/complaint-filing.service';
import { ComplaintHandlingService } from '../complaint/complaint-handling.service';
import { ComplaintQueryService } from '../complaint/complaint-query.service';
import type { ComplaintLimits, ComplaintsConfig } from '../complaints-config';
import { createComplaintsSubgraph } from '../complaints.subgraph';
import { IdentityCipher } from '../identity/identity-cipher';
import { NoticeService } from '../notice/notice.service';

/** A fresh, migrated complaints database with the services under test and a settable clock. */
export interface ComplaintsDatabase extends ClockedTestDatabase {
  config: ComplaintsConfig;
  filing: ComplaintFilingService;
  handling: ComplaintHandlingService;
  complaints: ComplaintQueryService;
  notices: NoticeService;
  clock: ComplaintClock;
}

/** People of a unit, as principals. */
export const people = {
  inspector(unit: string, subject = `inspector-${randomUUID().slice(0, 8)}`, department?: string): Principal {
    return { subject, role: Role.INSPECTOR, unit, ...(department ? { department } : {}) };
  },
  leader(unit: string, subject = `leader-${randomUUID().slice(0, 8)}`): Principal {
    return { subject, role: Role.LEADER, unit };
  },
  citizen(client = '198.51.100.20'): Principal {
    return { subject: 'public', role: Role.PUBLIC, client };
  },
};

/**
 * Opens a throwaway database with the complaints migrations (routing rules and calendar included);
 * the clock starts at `start`. The cases service's filed counts are not asked for here: calling
 * `casesFiled` fails, as an unreachable neighbour would.
 */
export async function openComplaintsDatabase(
  start: Date,
  limits: ComplaintLimits = { acceptDays: 15, concludeDays: 60, extensionDays: 30, escalateAfterDays: 5 },
): Promise<ComplaintsDatabase> {
  const db = await openClockedTestDatabase({
    schema: 'complaints',
    migrations: createComplaintsSubgraph().migrations,
    keyPrefix: 'complaints-int',
    start,
  });
  const { ds } = db;
  const config: ComplaintsConfig = {
    get calendar() {
      return db.liveCalendar.current;
    },
    calendarGaps: new CalendarGapReporter(ds, 'complaint.calendar_not_loaded', createLogger('complaints-test')),
    cipher: new IdentityCipher(new Uint8Array(randomBytes(32))),
    limits,
    casesFiled: () => Promise.reject(new Error('the cases service is not part of this test')),
    // the powers service is not part of this test: every well-formed code stands for a unit
    knownUnits: async (codes) => new Set(codes),
    now: db.now,
    checkpoints: startTestTraceCheckpoints('complaints', COMPLAINT_TRACE_TABLES, ds).log,
  };
  return {
    ...db,
    config,
    filing: new ComplaintFilingService(ds, config),
    handling: new ComplaintHandlingService(ds, config),
    complaints: new ComplaintQueryService(ds),
    notices: new NoticeService(ds, config),
    clock: new ComplaintClock(ds, config, createLogger('complaints-test')),
  };
}
