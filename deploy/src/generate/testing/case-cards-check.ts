import type { WorkingCalendar } from '@sunlight/shared';
import type { Client } from 'pg';
import type { CaseRow } from '../../../../services/cases/src/case/case-row';
import { caseClock } from '../../../../services/cases/src/clock/case-clock';
import { cardsDue } from '../../../../services/cases/src/clock/cards-due';

/** The card thresholds the cases service runs with by default. */
const THRESHOLDS = { reminderRatio: 0.8, redAfterOverdueDays: 3 };

/** The cards a generated case holds on itself and on its current step, as `level:scope`, sorted. */
export async function cardsHeld(client: Client, c: CaseRow): Promise<string[]> {
  const { rows } = await client.query<{ card: string }>(
    `SELECT level || ':' || scope AS card FROM cases.card WHERE case_id = $1 AND scope IN ('case', $2)`,
    [c.id, `step:${c.stepEntry}`],
  );
  return rows.map((r) => r.card).sort();
}

/** The cards the card scheduler would have raised on the case by `at` (its pauses read from the database), sorted. */
export async function cardsDueAt(client: Client, c: CaseRow, calendar: WorkingCalendar, at: Date): Promise<string[]> {
  const { rows: pauses } = await client.query<{ from: Date; to: Date | null }>(
    'SELECT started_at AS "from", ended_at AS "to" FROM cases.case_pause WHERE case_id = $1',
    [c.id],
  );
  return cardsDue(caseClock(c, pauses, calendar, at), THRESHOLDS)
    .map((d) => `${d.level}:${d.scope}`)
    .sort();
}
