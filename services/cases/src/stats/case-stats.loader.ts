import { MonthRange, sumRollup, unitCode } from '@sunlight/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { CaseMonthSums } from './case-month-sums';
import type { CaseStats } from './case-stats.type';

/** A period: [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

interface StatsRow {
  code: string;
  filed: number;
  open: number;
  completed: number;
  overdue: number;
  on_time_rate: number | null;
  average_working_days: number | null;
}

const ROLLUP_MEASURES = ['filed', 'completed', 'withdrawn', 'overdue', 'on_time', 'timed', 'working_days'] as const;

type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

/** Statistics rows from rollup sums, `sum(code)(measure)` (a unit without rows filed nothing). */
function fromRollup(codes: string[], sum: (code: string) => (m: RollupMeasure) => number): StatsRow[] {
  return codes.map((code) => {
    const n = sum(code);
    return {
      code,
      filed: n('filed'),
      open: n('filed') - n('completed') - n('withdrawn'),
      completed: n('completed'),
      overdue: n('overdue'),
      on_time_rate: n('completed') > 0 ? n('on_time') / n('completed') : null,
      average_working_days: n('timed') > 0 ? n('working_days') / n('timed') : null,
    };
  });
}

/** Rollup sums of `codes`' subtrees over `months`: from the in-memory sums, or by one statement without them. */
async function rollupSums(ds: DataSource, sums: CaseMonthSums | undefined, codes: string[], months: MonthRange) {
  if (sums) {
    const held = await sums.current();
    const slot = new Map(sums.measures.map((m, i) => [m, i]));
    return (code: string) => {
      const total = held.total(code, months.first.ordinal, months.end.ordinal);
      return (m: RollupMeasure) => total[slot.get(m)!]!;
    };
  }
  const rows = await sumRollup(ds, 'case_month_stat', ROLLUP_MEASURES, codes, months.fromDay, months.toDay, false);
  const byCode = new Map(rows.map((r) => [String(r['code']), r]));
  return (code: string) => (m: RollupMeasure) => Number(byCode.get(code)?.[m] ?? 0);
}

/**
 * Case statistics of many units' subtrees, per request. Periods of whole local months are summed
 * from the monthly rollup: from the service's in-memory subtree sums when given (a lookup per unit
 * and month), else in one statement; other periods are read from the cases themselves in one
 * statement per period, whatever the number of units.
 */
export function createCaseStatsLoader(ds: DataSource, sums?: CaseMonthSums) {
  return new DataLoader<{ code: string; period: Period }, CaseStats, string>(
    async (keys) => {
      const byPeriod = new Map<string, { period: Period; codes: string[] }>();
      for (const k of keys) {
        const p = `${k.period.from.toISOString()}|${k.period.to.toISOString()}`;
        const entry = byPeriod.get(p) ?? { period: k.period, codes: [] };
        entry.codes.push(k.code);
        byPeriod.set(p, entry);
      }
      const results = new Map<string, CaseStats>();
      for (const [p, { period, codes }] of byPeriod) {
        const ranges = codes.map((c) => unitCode.subtreeRange(c));
        const params = [codes, ranges.map((r) => r.low), ranges.map((r) => r.high)];
        const months = MonthRange.ofInstants(period.from, period.to);
        const rows: StatsRow[] = months
          ? // Whole local months: the trigger-kept rollup answers with the same numbers.
            fromRollup(codes, await rollupSums(ds, sums, codes, months))
          : await ds.query(
              `SELECT u.code,
                      count(c.id)::int AS filed,
                      count(c.id) FILTER (WHERE c.status IN ('RECEIVED', 'IN_PROGRESS', 'SUSPENDED'))::int AS open,
                      count(c.id) FILTER (WHERE c.status = 'COMPLETED')::int AS completed,
                      count(c.id) FILTER (WHERE c.card_level IN ('YELLOW', 'RED'))::int AS overdue,
                      avg(CASE WHEN c.on_time THEN 1.0 ELSE 0.0 END) FILTER (WHERE c.status = 'COMPLETED')::float AS on_time_rate,
                      avg(c.working_days) FILTER (WHERE c.status = 'COMPLETED')::float AS average_working_days
                 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(code, low, high)
                 LEFT JOIN "case" c ON c.unit_code BETWEEN u.low AND u.high AND c.received_at >= $4 AND c.received_at < $5
                GROUP BY u.code`,
              [...params, period.from, period.to],
            );
        for (const r of rows) {
          results.set(`${r.code}|${p}`, {
            filed: r.filed,
            open: r.open,
            completed: r.completed,
            overdue: r.overdue,
            onTimeRate: r.on_time_rate,
            averageWorkingDays: r.average_working_days === null ? null : Math.round(r.average_working_days * 100) / 100,
          });
        }
      }
      return keys.map((k) => results.get(`${k.code}|${k.period.from.toISOString()}|${k.period.to.toISOString()}`)!);
    },
    { cacheKeyFn: (k) => `${k.code}|${k.period.from.toISOString()}|${k.period.to.toISOString()}` },
  );
}

export type CaseStatsLoader = ReturnType<typeof createCaseStatsLoader>;
