import { readWorkingCalendar } from '../calendar/read-working-calendar';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ServiceDataSourceOptions } from '../db/create-data-source';
import { localWorkingDaysAfter } from './local-working-days-after';
import { openTestDataSource } from './open-test-data-source';
import { serviceTestDatabase, type ServiceTestDatabase } from './service-test-database';

/** A service's test database whose services read the seeded working calendar and a clock the test sets. */
export interface ClockedTestDatabase extends ServiceTestDatabase {
  /** The working calendar the service's migrations seeded. */
  calendar: WorkingCalendar;
  /** The clock's current instant: what the services' `config.now` returns. */
  now(): Date;
  /** Sets the clock every service reads (`config.now`). */
  setNow(at: Date): void;
  /** Instant `days` working days after `from`, at 10:00 local time. */
  workingDaysAfter(from: Date, days: number): Date;
}

/**
 * Opens a throwaway database on the run's PostgreSQL with a service's `migrations` in `schema`
 * (they seed its working calendar), idempotency keys under `keyPrefix`; the clock starts at `start`.
 */
export async function openClockedTestDatabase(o: {
  schema: string;
  migrations: ServiceDataSourceOptions['migrations'];
  keyPrefix: string;
  start: Date;
}): Promise<ClockedTestDatabase> {
  const db = await openTestDataSource({ schema: o.schema, entities: [], migrations: o.migrations });
  const calendar = await readWorkingCalendar(db.dataSource);
  let now = o.start;
  return {
    ...serviceTestDatabase(db, o.keyPrefix),
    calendar,
    now: () => now,
    setNow(at) {
      now = at;
    },
    workingDaysAfter: (from, days) => localWorkingDaysAfter(calendar, from, days),
  };
}
