import { groupByKeys, orderByKeys } from '@sunlight/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Pause } from '../clock/case-clock';
import { toCaseRow, type CaseRow } from './case-row';

interface EventRow {
  case_id: string;
  seq: number;
  kind: string;
  actor: string;
  at: Date;
  payload: unknown;
  attachments: { sha256: string }[];
  previous_hash: string;
  hash: string;
}

interface PublicEventRow {
  case_id: string;
  seq: number;
  kind: string;
  at: Date;
  hash: string;
}

interface CardRow {
  id: string;
  case_id: string;
  level: string;
  step_no: number | null;
  reason: string;
  raised_at: Date;
}

interface StepLogRow {
  case_id: string;
  step_no: number;
  finished_at: Date | null;
}

/** Per-request loaders for cases and what hangs off them; one query per batch, key order kept. */
export function createCaseLoaders(ds: DataSource) {
  const byCaseIds = async <R extends { case_id: string }>(sql: string, ids: readonly string[]) =>
    groupByKeys(ids, (await ds.query(sql, [ids])) as R[], (r) => r.case_id);
  return {
    case: new DataLoader<string, CaseRow | null>(async (ids) =>
      orderByKeys(
        ids,
        ((await ds.query('SELECT * FROM "case" WHERE id = ANY($1::uuid[])', [ids])) as Record<string, unknown>[]).map(
          toCaseRow,
        ),
        (c) => c.id,
      ),
    ),
    events: new DataLoader<string, EventRow[]>((ids) =>
      byCaseIds<EventRow>('SELECT * FROM case_event WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq', ids),
    ),
    // Refused attempts are internal supervision data, not the applicant's business; payloads are not read.
    publicEvents: new DataLoader<string, PublicEventRow[]>((ids) =>
      byCaseIds<PublicEventRow>(
        `SELECT case_id, seq, kind, at, hash FROM case_event WHERE case_id = ANY($1::uuid[]) AND kind NOT IN ('ACTION_REFUSED', 'CHECKPOINT_BLOCKED') ORDER BY case_id, seq`,
        ids,
      ),
    ),
    cards: new DataLoader<string, CardRow[]>((ids) =>
      byCaseIds<CardRow>('SELECT * FROM card WHERE case_id = ANY($1::uuid[]) ORDER BY raised_at', ids),
    ),
    stepLog: new DataLoader<string, StepLogRow[]>((ids) =>
      byCaseIds<StepLogRow>(
        'SELECT case_id, step_no, finished_at FROM case_step_log WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, entry',
        ids,
      ),
    ),
    pauses: new DataLoader<string, Pause[]>(async (ids) =>
      (
        await byCaseIds<{ case_id: string; started_at: Date; ended_at: Date | null }>(
          'SELECT case_id, started_at, ended_at FROM case_pause WHERE case_id = ANY($1::uuid[])',
          ids,
        )
      ).map((list) => list.map((p) => ({ from: p.started_at, to: p.ended_at }))),
    ),
  };
}

export type CaseLoaders = ReturnType<typeof createCaseLoaders>;
