import { Client } from 'pg';
import type { Logger } from '../logging/logger';
import { CALENDAR_CHANNEL } from './calendar-schema-sql';
import { rowsOf, type CalendarQueryable } from './load-holiday-notice';
import { readWorkingCalendar } from './read-working-calendar';
import type { WorkingCalendar } from './working-calendar';

/**
 * The shared working calendar as a service holds it: read once when the service starts, and read
 * again whenever a load commits, without a restart. A load NOTIFYs {@link CALENDAR_CHANNEL}; as
 * a NOTIFY can be lost (a dropped listener, a pooler), the last load's id is also checked every
 * `intervalMs`. Readers take {@link current} at each use, so a clock started before a load counts
 * with the new year from the next use on.
 */
export class LiveWorkingCalendar {
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> | undefined;
  private again = false;

  private constructor(
    private readonly db: CalendarQueryable,
    private calendar: WorkingCalendar,
    private lastLoad: string | null,
  ) {}

  /** Reads the calendar through `db` (the service's own connection). */
  static async open(db: CalendarQueryable): Promise<LiveWorkingCalendar> {
    const last = await lastLoadId(db);
    return new LiveWorkingCalendar(db, await readWorkingCalendar(db), last);
  }

  /** The calendar as last read. */
  get current(): WorkingCalendar {
    return this.calendar;
  }

  /** Reads the calendar again (calls made while one read runs share one more read after it). */
  reload(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      try {
        do {
          this.again = false;
          const last = await lastLoadId(this.db);
          this.calendar = await readWorkingCalendar(this.db);
          this.lastLoad = last;
        } while (this.again);
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }

  /** LISTENs on {@link CALENDAR_CHANNEL} as `connectionUrl`, and checks for a missed load every `intervalMs`. */
  async start(connectionUrl: string, logger: Logger, intervalMs = 60_000): Promise<void> {
    const reload = (why: string) =>
      this.reload().then(
        () => logger.info('working calendar reloaded', { why, years: this.calendar.years }),
        (e: unknown) => logger.error('working calendar reload failed', { error: (e as Error).message }),
      );
    const listener = new Client({ connectionString: connectionUrl });
    let listening = false;
    listener.on('notification', () => void reload('notify'));
    listener.on('error', (e) => {
      listening = false;
      logger.warn('calendar listener error', { error: e.message });
    });
    listener.on('end', () => (listening = false));
    this.listener = listener;
    await listener.connect();
    await listener.query(`LISTEN ${CALENDAR_CHANNEL}`);
    listening = true;
    this.timer = setInterval(() => {
      // The check runs on the listener's own idle connection, not the service's pool (whose
      // statements belong to requests), unless that connection is gone.
      void lastLoadId(listening ? listener : this.db).then(
        (last) => (last !== this.lastLoad ? reload('poll') : undefined),
        (e: unknown) => logger.warn('calendar poll failed', { error: (e as Error).message }),
      );
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    await this.reloading?.catch(() => undefined);
  }
}

async function lastLoadId(db: CalendarQueryable): Promise<string | null> {
  const [row] = rowsOf<{ id: string | null }>(await db.query('SELECT max(id)::text AS id FROM calendar.load'));
  return row?.id ?? null;
}
