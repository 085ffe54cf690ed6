import { LiveWorkingCalendar } from '../calendar/live-working-calendar';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ServiceDataSourceOptions } from '../db/create-data-source';
import { localWorkingDaysAfter } from './local-working-days-after';
import { openTestDataSource } from './open-test-data-source';
import { serviceTestDatabase, type ServiceTestDatabase } from './service-test-database';

/** A service's test database whose services read the seeded working calendar and a clock the test sets. */
export interface ClockedTestDatabase extends ServiceTestDatabase {
  /** The shared working calendar as the migrations left it (read when opened). */
  calendar: WorkingCalendar;
  /** The shared working calendar as a service holds it: give `liveCalendar.current` to the services. */
  liveCalendar: LiveWorkingCalendar;
  /** The clock's current instant: what the services' `config.now` returns. */
  now(): Date;
  /** Sets the clock every service reads (`config.now`). */
  setNow(at: Date): void;
  /** Instant `days` working days after `from`, at 10:00 local time. */
  workingDaysAfter(from: Date, days: number): Date;
}

/**
 * Opens a throwaway database on the run's PostgreSQL with a service's `migrations` in `schema`
 * (they create the shared working calendar), idempotency keys under `keyPrefix`; the clock starts at `start`.
 */
export async function openClockedTestDatabase(o: {
  schema: string;
  migrations: ServiceDataSourceOptions['migrations'];
  keyPrefix: string;
  start: Date;
}): Promise<ClockedTestDatabase> {
  const db = await openTestDataSource({ schema: o.schema, entities: [], migrations: o.migrations });
  const liveCalendar = await LiveWorkingCalendar.open(db.dataSource);
  const calendar = liveCalendar.current;
  let now = o.start;
  const base = serviceTestDatabase(db, o.keyPrefix);
  return {
    ...base,
    async close() {
      await liveCalendar.stop();
      await base.close();
    },
    calendar,
    liveCalendar,
    now: () => now,
    setNow(at) {
      now = at;
    },
    workingDaysAfter: (from, days) => localWorkingDaysAfter(calendar, from, days),
  };
}
