import type { DataSource } from 'typeorm';
import { unitCode } from '../auth/unit-code';
import { EVENT_SOURCES } from '../events/event-sources';
import { publishEvent } from '../events/publish-event';
import type { Logger } from '../logging/logger';

/** The topics that say a clock needed a year whose holidays are not loaded. */
export type CalendarGapTopic = 'case.calendar_not_loaded' | 'complaint.calendar_not_loaded';

/**
 * Tells the alerts service, through the service's outbox, that a clock needed a year whose
 * holidays are not loaded: once per year and city, however many clocks need it and however many
 * replicas run. Remembered in memory per process, and checked against the outbox under an
 * advisory lock, so a restart publishes nothing new either. The alert (CALENDAR_NOT_LOADED) is
 * deduplicated by year and city again on the alerts side.
 */
export class CalendarGapReporter {
  private readonly reported = new Set<string>();

  constructor(
    private readonly ds: DataSource,
    private readonly topic: CalendarGapTopic,
    private readonly logger: Logger,
  ) {}

  /**
   * Reports `years` (as `WorkingCalendar.missingYears` names them) for the city of `unit`. Never
   * throws: a failure is logged and tried again at the next report.
   */
  async report(years: readonly number[], unit: string): Promise<void> {
    if (years.length === 0 || !unitCode.isValid(unit)) return;
    const cityCode = unit.slice(0, 4).padEnd(12, '0');
    for (const year of years) {
      const key = `${year}:${cityCode}`;
      if (this.reported.has(key)) continue;
      try {
        await this.publishOnce(year, cityCode);
        this.reported.add(key);
      } catch (e) {
        this.logger.error('calendar gap report failed', { year, cityCode, error: (e as Error).message });
      }
    }
  }

  private async publishOnce(year: number, cityCode: string): Promise<void> {
    const schema = EVENT_SOURCES[this.topic];
    const aggregateId = `calendar:${year}:${cityCode}`;
    await this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.topic}:${aggregateId}`]);
      const found: unknown[] = await em.query(
        `SELECT 1 FROM "${schema}".outbox WHERE topic = $1 AND aggregate_id = $2 LIMIT 1`,
        [this.topic, aggregateId],
      );
      if (found.length > 0) return;
      await publishEvent(em, schema, {
        topic: this.topic,
        unitCode: cityCode,
        aggregateId,
        payload: { year, cityCode },
      });
      this.logger.warn('working calendar lacks a year a clock needs: deadlines are provisional', { year, cityCode });
    });
  }
}
