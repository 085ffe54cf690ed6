import { randomUUID } from 'node:crypto';
import { publishEvent, type Logger } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { toCaseRow, type CardLevelName } from '../case/case-row';
import { CASES_SCHEMA } from '../case/case-filing.service';
import { caseRef } from '../case/case-ref';
import type { CasesConfig } from '../cases-config';
import { caseTrace } from '../trace/case-trace';
import type { CardNotice } from '../clock/card-notifier';
import { caseClock, type Pause } from '../clock/case-clock';
import { cardsDue, type DueCard } from '../clock/cards-due';

const RANK: Record<CardLevelName, number> = { REMINDER: 1, YELLOW: 2, RED: 3 };
const BATCH = 500;

/**
 * Raises cards on open cases as their clocks run out. Safe with any number of replicas: a card
 * is unique per (case, level, step entry or case), inserted under the case's row lock, and only
 * the transaction whose insert succeeds traces it, publishes it and sends the notice.
 */
export class CardScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ds: DataSource,
    private readonly config: CasesConfig,
    private readonly logger: Logger,
    /** Told how many cards were raised each time this scheduler raises some (the service's metric). */
    private readonly onRaised?: (count: number) => void,
  ) {}

  /** Examines every open case once at `now`; returns how many cases were examined and cards raised. */
  async runOnce(now: Date = this.config.now()): Promise<{ examined: number; raised: number }> {
    let after = '00000000-0000-0000-0000-000000000000';
    let examined = 0;
    let raised = 0;
    for (;;) {
      const rows: Record<string, unknown>[] = await this.ds.query(
        `SELECT * FROM "case" WHERE status IN ('RECEIVED', 'IN_PROGRESS') AND id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      const cases = rows.map(toCaseRow);
      after = cases[cases.length - 1]!.id;
      examined += cases.length;
      const ids = cases.map((c) => c.id);
      const pauseRows: { case_id: string; started_at: Date; ended_at: Date | null }[] = await this.ds.query(
        'SELECT case_id, started_at, ended_at FROM case_pause WHERE case_id = ANY($1::uuid[])',
        [ids],
      );
      const existing: { case_id: string; level: string; scope: string }[] = await this.ds.query(
        'SELECT case_id, level, scope FROM card WHERE case_id = ANY($1::uuid[])',
        [ids],
      );
      const have = new Set(existing.map((e) => `${e.case_id}|${e.level}|${e.scope}`));
      for (const c of cases) {
        const pauses: Pause[] = pauseRows
          .filter((p) => p.case_id === c.id)
          .map((p) => ({ from: p.started_at, to: p.ended_at }));
        const clock = caseClock(c, pauses, this.config.calendar, now);
        // A deadline that reaches a year the calendar lacks is provisional: the city's admins are told once.
        if (clock.missingYears.length > 0) await this.config.calendarGaps.report(clock.missingYears, c.unitCode);
        const due = cardsDue(clock, this.config.thresholds).filter((d) => !have.has(`${c.id}|${d.level}|${d.scope}`));
        if (due.length === 0) continue;
        const n = await this.raise(c.id, due, now);
        raised += n;
        if (n > 0) this.onRaised?.(n); // as they are raised: a sweep over a whole city takes a while
      }
    }
    await this.ds.query('DELETE FROM lookup_attempt WHERE expires_at < $1', [now]);
    return { examined, raised };
  }

  private async raise(caseId: string, due: DueCard[], now: Date): Promise<number> {
    const notices: CardNotice[] = [];
    await this.ds.transaction(async (em) => {
      const [locked]: Record<string, unknown>[] = await em.query(
        `SELECT * FROM "case" WHERE id = $1 AND status IN ('RECEIVED', 'IN_PROGRESS') FOR UPDATE`,
        [caseId],
      );
      if (!locked) return; // moved on (completed, suspended) since it was read
      const c = toCaseRow(locked);
      for (const card of due) {
        if (card.scope !== 'case' && card.scope !== `step:${c.stepEntry}`) continue; // the step changed meanwhile
        const inserted: unknown[] = await em.query(
          `INSERT INTO card (id, case_id, unit_code, level, scope, step_no, reason, raised_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (case_id, level, scope) DO NOTHING RETURNING id`,
          [randomUUID(), c.id, c.unitCode, card.level, card.scope, card.stepNo, card.reason, now],
        );
        if (inserted.length === 0) continue; // another replica raised it
        const { hash } = await caseTrace.append(em, c, {
          kind: 'CARD_RAISED',
          actor: 'system:clock',
          at: now,
          payload: { level: card.level, step: card.stepNo, reason: card.reason },
        });
        if (!c.cardLevel || RANK[card.level] > RANK[c.cardLevel]) {
          c.cardLevel = card.level;
          await em.query('UPDATE "case" SET card_level = $2 WHERE id = $1', [c.id, card.level]);
        }
        await publishEvent(em, CASES_SCHEMA, {
          topic: 'case.card_raised',
          unitCode: c.unitCode,
          aggregateId: c.id,
          payload: {
            ...caseRef(c),
            level: card.level,
            step: card.stepNo,
            reason: card.reason,
            hash,
          },
        });
        notices.push({
          caseId: c.id,
          caseNumber: c.number,
          unitCode: c.unitCode,
          level: card.level,
          stepNo: card.stepNo,
          reason: card.reason,
        });
      }
    });
    for (const n of notices)
      await this.config.notifier
        .notify(n)
        .catch((e: unknown) => this.logger.warn('card notice failed', { error: String(e), caseNumber: n.caseNumber }));
    return notices.length;
  }

  /** Runs `runOnce` every `intervalMs` until stopped. */
  start(intervalMs: number): void {
    const tick = () => {
      this.running = this.runOnce().catch((e: unknown) =>
        this.logger.error('card scheduler tick failed', { error: e instanceof Error ? e.message : String(e) }),
      );
      void this.running.then(() => {
        if (this.timer) this.timer = setTimeout(tick, intervalMs);
      });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
