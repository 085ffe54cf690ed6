import type { EntityManager } from 'typeorm';
import type { Pause } from '../clock/case-clock';
import type { PowerSnapshot } from '../clients/power-snapshot';
import { toCaseRow, type CaseRow } from './case-row';

/** A case about to be filed: everything but its number, which the unit's yearly counter gives. */
export interface NewCase {
  id: string;
  snapshot: PowerSnapshot;
  year: number;
  applicant: { name: string; idNumber: string; phone: string };
  details: string;
  amounts: CaseRow['amounts'];
  at: Date;
  filedBy: string;
  genesisHash: string;
}

/** What a transition's rules read of a case's past, besides its row. */
export interface CaseHistory {
  /** Everyone who filed it or finished a step of it. */
  handlers: Set<string>;
  /** When each finished step was last finished. */
  finishedAt: Map<number, Date>;
  /** Names of every attachment on its trace. */
  attachmentNames: string[];
  pauses: Pause[];
}

/** Columns a transition may change, with the `"case"` column each is stored in. */
const COLUMNS = {
  amounts: 'amounts',
  status: 'status',
  outcome: 'outcome',
  currentStep: 'current_step',
  stepEntry: 'step_entry',
  stepStartedAt: 'step_started_at',
  stepExtensionDays: 'step_extension_days',
  caseExtensionDays: 'case_extension_days',
  completedAt: 'completed_at',
  suspendedSince: 'suspended_since',
  workingDays: 'working_days',
  onTime: 'on_time',
} as const;

/** A change to a case row (`workingDays` and `onTime` are stored for statistics, not read back). */
export type CasePatch = Partial<Pick<CaseRow, Exclude<keyof typeof COLUMNS, 'workingDays' | 'onTime'>>> & {
  workingDays?: number;
  onTime?: boolean;
};

/** What else a transition writes with the case row, in the same statement. */
export interface CaseSideWrites {
  /** Closes the current step-log entry. */
  finishStep?: { at: Date; by: string };
  /** Opens step-log entry `c.stepEntry + 1`. */
  enterStep?: { stepNo: number; at: Date };
  startPause?: { at: Date; reason: string };
  endPause?: { at: Date };
}

/**
 * Reads and writes case rows inside a transaction. A transition writes its case row, step log
 * and pauses in one statement (data-modifying CTEs) and gets the row back as it now stands, so
 * that nothing needs reading again to answer the mutation.
 */
export const caseRepository = {
  /** Inserts a case under the next number of its unit's year, with its first step open; returns the number. */
  async insertFiled(em: EntityManager, c: NewCase): Promise<string> {
    const s = c.snapshot;
    const [row]: { number: string }[] = await em.query(
      `WITH counter AS (
         INSERT INTO case_counter (unit_code, year, last) VALUES ($3, $16, 1)
         ON CONFLICT (unit_code, year) DO UPDATE SET last = case_counter.last + 1 RETURNING last
       ), filed AS (
         INSERT INTO "case" (id, number, unit_code, department_id, power_id, power_version, power_snapshot, applicant_name, applicant_id_number,
           applicant_phone, details, amounts, status, current_step, step_started_at, received_at, filed_by, last_hash)
         SELECT $1, $2::text || '-' || $16::int || '-' || lpad(last::text, greatest(6, length(last::text)), '0'), $3, $4, $5, $6, $7, $8, $9,
           $10, $11, $12, 'RECEIVED', 1, $13, $13, $14, $15
           FROM counter
         RETURNING id, number
       ), first_step AS (
         INSERT INTO case_step_log (case_id, entry, step_no, started_at) SELECT id, 1, 1, $13 FROM filed
       )
       SELECT number FROM filed`,
      [
        c.id,
        s.unitCode,
        s.unitCode,
        s.departmentId,
        s.id,
        s.version,
        JSON.stringify(s),
        c.applicant.name,
        c.applicant.idNumber,
        c.applicant.phone,
        c.details,
        JSON.stringify(c.amounts),
        c.at,
        c.filedBy,
        c.genesisHash,
        c.year,
      ],
    );
    return row!.number;
  },

  /** The case row, locked for the rest of the transaction; null when there is none. */
  async lock(em: EntityManager, caseId: string): Promise<CaseRow | null> {
    const rows: Record<string, unknown>[] = await em.query('SELECT * FROM "case" WHERE id = $1 FOR UPDATE', [caseId]);
    return rows[0] ? toCaseRow(rows[0]) : null;
  },

  /** Whether the case's trace holds a `kind` event written under idempotency key `key`. */
  async hasEvent(em: EntityManager, caseId: string, kind: string, key: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      'SELECT 1 FROM case_event WHERE case_id = $1 AND kind = $2 AND idempotency_key = $3',
      [caseId, kind, key],
    );
    return rows.length > 0;
  },

  /** The case's handlers, finished steps, attachment names and pauses, in one statement (after the row is locked). */
  async history(em: EntityManager, c: Pick<CaseRow, 'id' | 'filedBy'>): Promise<CaseHistory> {
    const [row]: {
      handlers: string[];
      finished_steps: number[];
      finished_ats: Date[];
      attachment_names: string[];
      pause_froms: Date[];
      pause_tos: (Date | null)[];
    }[] = await em.query(
      `SELECT ARRAY(SELECT DISTINCT handled_by FROM case_step_log WHERE case_id = $1 AND handled_by IS NOT NULL) AS handlers,
              f.finished_steps, f.finished_ats,
              ARRAY(SELECT a->>'name' FROM case_event e, jsonb_array_elements(e.attachments) a WHERE e.case_id = $1) AS attachment_names,
              p.pause_froms, p.pause_tos
         FROM (SELECT coalesce(array_agg(step_no), '{}') AS finished_steps, coalesce(array_agg(finished_at), '{}') AS finished_ats
                 FROM (SELECT DISTINCT ON (step_no) step_no, finished_at FROM case_step_log
                        WHERE case_id = $1 AND finished_at IS NOT NULL ORDER BY step_no, finished_at DESC) last_finish) f,
              (SELECT coalesce(array_agg(started_at), '{}') AS pause_froms, coalesce(array_agg(ended_at), '{}') AS pause_tos FROM case_pause WHERE case_id = $1) p`,
      [c.id],
    );
    const h = row!;
    return {
      handlers: new Set([c.filedBy, ...h.handlers]),
      finishedAt: new Map(h.finished_steps.map((step, i) => [step, h.finished_ats[i]!])),
      attachmentNames: h.attachment_names,
      pauses: h.pause_froms.map((from, i) => ({ from, to: h.pause_tos[i] ?? null })),
    };
  },

  /**
   * Writes `patch` to the locked case row together with `side` (step log, pauses) in one
   * statement, and returns the row as it now stands.
   */
  async write(em: EntityManager, c: CaseRow, patch: CasePatch, side: CaseSideWrites = {}): Promise<CaseRow> {
    const params: unknown[] = [c.id];
    const p = (value: unknown) => `$${params.push(value)}`;
    const ctes: string[] = [];
    if (side.finishStep) {
      ctes.push(
        `finish_step AS (UPDATE case_step_log SET finished_at = ${p(side.finishStep.at)}, handled_by = ${p(side.finishStep.by)} WHERE case_id = $1 AND entry = ${p(c.stepEntry)})`,
      );
    }
    if (side.enterStep) {
      ctes.push(
        `enter_step AS (INSERT INTO case_step_log (case_id, entry, step_no, started_at) VALUES ($1, ${p(c.stepEntry + 1)}, ${p(side.enterStep.stepNo)}, ${p(side.enterStep.at)}))`,
      );
    }
    if (side.startPause)
      ctes.push(
        `start_pause AS (INSERT INTO case_pause (case_id, started_at, reason) VALUES ($1, ${p(side.startPause.at)}, ${p(side.startPause.reason)}))`,
      );
    if (side.endPause)
      ctes.push(
        `end_pause AS (UPDATE case_pause SET ended_at = ${p(side.endPause.at)} WHERE case_id = $1 AND ended_at IS NULL)`,
      );
    const sets = (Object.keys(patch) as (keyof CasePatch)[])
      .filter((k) => patch[k] !== undefined)
      .map((k) => `${COLUMNS[k]} = ${p(k === 'amounts' ? JSON.stringify(patch[k]) : patch[k])}`);
    if (sets.length === 0) throw new Error('caseRepository.write needs a change to the case row');
    await em.query(
      `${ctes.length ? `WITH ${ctes.join(', ')} ` : ''}UPDATE "case" SET ${sets.join(', ')} WHERE id = $1`,
      params,
    );
    const next: CaseRow = { ...c };
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined && key in next) (next as unknown as Record<string, unknown>)[key] = value;
    return next;
  },
};
