import { publishEvent, unitCode, type Logger } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import type { ComplaintsConfig } from '../complaints-config';
import { OPEN_STATUSES, type ComplaintRow } from '../complaint/complaint-row';
import { complaintTrace } from '../complaint/complaint-trace';
import { complaintEventPayload, COMPLAINTS_SCHEMA } from '../complaint/complaint-filing.service';

/** What the clock decided for one complaint. */
export interface ClockDecision {
  stage: 'ACCEPT' | 'CONCLUDE';
  overdue: boolean;
  escalate: boolean;
  elapsed: number;
  limit: number;
  /** Local date (YYYY-MM-DD) the stage is due: `limit` working days after it started. */
  deadline: string;
  /**
   * True when the count from the stage's start to its deadline reaches a year whose holidays are
   * not loaded (counted Monday to Friday there): the deadline may move once that year is loaded.
   */
  deadlineProvisional: boolean;
  /** The years not loaded that the deadline needs (empty when none). */
  missingYears: number[];
}

/** Pure: where a complaint stands against its handling limits at `now`. */
export function complaintClock(
  c: Pick<ComplaintRow, 'status' | 'stage_started_at' | 'extension_days'>,
  config: Pick<ComplaintsConfig, 'calendar' | 'limits'>,
  now: Date,
): ClockDecision {
  const stage = c.status === 'RECEIVED' || c.status === 'TRANSFERRED' ? 'ACCEPT' : 'CONCLUDE';
  const limit = stage === 'ACCEPT' ? config.limits.acceptDays : config.limits.concludeDays + c.extension_days;
  const elapsed = config.calendar.workingDaysBetween(c.stage_started_at, now);
  const deadline = config.calendar.addWorkingDays(c.stage_started_at, limit);
  const missingYears = config.calendar.missingYears(c.stage_started_at, deadline);
  return {
    stage,
    elapsed,
    limit,
    deadline,
    deadlineProvisional: missingYears.length > 0,
    missingYears,
    overdue: elapsed > limit,
    escalate: elapsed > limit + config.limits.escalateAfterDays,
  };
}

/**
 * Watches handling limits: publishes `complaint.overdue` once a stage passes its limit, and
 * escalates a complaint still overdue `escalateAfterDays` later to the tier above
 * (`complaint.escalated`), where acceptance starts again. Each alarm is unique per complaint,
 * kind, stage and stage entry, so replicas never repeat one.
 */
export class ComplaintClock {
  constructor(
    private readonly ds: DataSource,
    private readonly config: ComplaintsConfig,
    private readonly logger: Logger,
  ) {}

  async runOnce(now: Date = this.config.now()): Promise<{ overdue: number; escalated: number }> {
    let overdue = 0;
    let escalated = 0;
    const open: ComplaintRow[] = await this.ds.query('SELECT * FROM complaint WHERE status = ANY($1::text[])', [
      OPEN_STATUSES,
    ]);
    for (const c of open) {
      const d = complaintClock(c, this.config, now);
      // A deadline that reaches a year the calendar lacks is provisional: the city's admins are told once.
      if (d.missingYears.length > 0) await this.config.calendarGaps.report(d.missingYears, c.handler_unit);
      if (!d.overdue) continue;
      await this.ds.transaction(async (em) => {
        const [locked]: ComplaintRow[] = await em.query(
          'SELECT * FROM complaint WHERE id = $1 AND stage_entry = $2 FOR UPDATE',
          [c.id, c.stage_entry],
        );
        if (!locked) return; // moved on since it was read
        const head = { id: c.id, lastSeq: locked.last_seq, lastHash: locked.last_hash };
        const raise = async (kind: 'OVERDUE' | 'ESCALATED') =>
          (
            (await em.query(
              'INSERT INTO complaint_alarm (complaint_id, kind, stage, stage_entry, raised_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1',
              [c.id, kind, d.stage, c.stage_entry, now],
            )) as unknown[]
          ).length === 1;
        if (await raise('OVERDUE')) {
          await complaintTrace.append(em, head, {
            kind: 'OVERDUE',
            actor: 'system:clock',
            at: now,
            payload: { stage: d.stage, elapsed: d.elapsed, limit: d.limit },
          });
          await publishEvent(em, COMPLAINTS_SCHEMA, {
            topic: 'complaint.overdue',
            unitCode: locked.handler_unit,
            aggregateId: c.id,
            payload: { ...complaintEventPayload(locked), stage: d.stage, elapsed: d.elapsed, limit: d.limit },
          });
          overdue++;
        }
        const parent = unitCode.parentOf(locked.handler_unit);
        if (d.escalate && parent && (await raise('ESCALATED'))) {
          await em.query(
            `UPDATE complaint SET handler_unit = $2, handler_subject = NULL, status = 'RECEIVED', stage_started_at = $3, stage_entry = stage_entry + 1 WHERE id = $1`,
            [c.id, parent, now],
          );
          await complaintTrace.append(em, head, {
            kind: 'ESCALATED',
            actor: 'system:clock',
            at: now,
            payload: { from: locked.handler_unit, to: parent, stage: d.stage },
          });
          await publishEvent(em, COMPLAINTS_SCHEMA, {
            topic: 'complaint.escalated',
            unitCode: parent,
            aggregateId: c.id,
            payload: {
              ...complaintEventPayload({ ...locked, handler_unit: parent }),
              from: locked.handler_unit,
              stage: d.stage,
            },
          });
          escalated++;
        }
      });
    }
    if (overdue + escalated > 0) this.logger.info('complaint clock', { overdue, escalated });
    return { overdue, escalated };
  }
}
