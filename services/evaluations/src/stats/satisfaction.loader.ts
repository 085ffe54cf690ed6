import { MonthRange, requestScope, sumRollup, unitCode, type SubtreeSums, type Tier } from '@sunlight/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { RatingMonthSums } from './rating-month-sums';
import { roundedCents } from './rounded-cents';
import type { Satisfaction, SatisfactionMonth } from './satisfaction.type';

/** A period of rating dates, [from, to) as local dates YYYY-MM-DD. */
export interface DatePeriod {
  from: string;
  to: string;
}

/** What satisfaction is measured for. */
export type Subject =
  { kind: 'unit'; code: string } | { kind: 'department'; id: string } | { kind: 'post'; id: string };

interface Row {
  key: string;
  count: number;
  average: number | null;
  satisfied: number | null;
  dissatisfied: number | null;
  rank: number | null;
  peers: number;
}

/** Ratings dated in [$1, $2) as (unit, department, post, count, score sum, satisfied, dissatisfied) rows. */
const RATING_SOURCE = `SELECT unit_code, department_id, post_id, 1 AS n, score AS score_sum, (score >= 4)::int AS satisfied, (score <= 2)::int AS dissatisfied
  FROM rating WHERE rated_on >= $1 AND rated_on < $2`;
/** The same from the monthly rollup (units only), for whole months. */
const ROLLUP_SOURCE = `SELECT unit_code, NULL::uuid AS department_id, NULL::uuid AS post_id, ratings AS n, score_sum, satisfied, dissatisfied
  FROM rating_month_stat WHERE month >= $1::date AND month < $2::date`;

const round = (x: number | null, d = 2) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Rollup slots of the rating sums (see `RATING_MEASURES`). */
const RATINGS = 0;
const SCORE_SUM = 1;
const SATISFIED = 2;
const DISSATISFIED = 3;

/**
 * The rows the unit-satisfaction statement returns for every unit of `tier` in `city` with ratings
 * in [first, end), from the subtree sums: the same averages, shares and ranks (rank by the average
 * rounded to 2 places, ties sharing a rank).
 */
/** The months of `months` with ratings in each of `codes`' subtrees, in month order. */
function monthsOf(
  sums: SubtreeSums,
  codes: string[],
  months: MonthRange,
): { code: string; month: string; count: number; average: number }[] {
  const out: { code: string; month: string; count: number; average: number }[] = [];
  for (const code of codes) {
    for (const m of months.months) {
      const s = sums.at(code, m.ordinal);
      if (s && s[RATINGS]! > 0)
        out.push({ code, month: m.label, count: s[RATINGS]!, average: s[SCORE_SUM]! / s[RATINGS]! });
    }
  }
  return out;
}

function rankedUnits(sums: SubtreeSums, tier: Tier, city: string, months: MonthRange): Row[] {
  const rated = sums
    .unitsOfTier(tier, city, months.first.ordinal, months.end.ordinal)
    .filter((u) => u.total[RATINGS]! > 0);
  const cents = rated.map((u) => roundedCents(u.total[SCORE_SUM]! / u.total[RATINGS]!));
  return rated.map(({ code, total }, i) => {
    const n = total[RATINGS]!;
    return {
      key: code,
      count: n,
      average: total[SCORE_SUM]! / n,
      satisfied: total[SATISFIED]! / n,
      dissatisfied: total[DISSATISFIED]! / n,
      rank: 1 + cents.filter((c) => c > cents[i]!).length,
      peers: rated.length,
    };
  });
}

/**
 * Satisfaction of units' subtrees, departments and posts, ranked among peers of the same tier in
 * the same city, per request. Units over whole months are answered from the service's in-memory
 * subtree sums when given; everything else costs one SQL statement per (subject kind, tier,
 * period) for any number of subjects.
 */
export function createSatisfactionLoaders(ds: DataSource, sums?: RatingMonthSums) {
  const toSatisfaction = (r: Row | undefined): Satisfaction =>
    r
      ? {
          count: r.count,
          average: round(r.average),
          satisfiedShare: round(r.satisfied, 4),
          dissatisfiedShare: round(r.dissatisfied, 4),
          rank: r.rank,
          peers: r.peers,
        }
      : { count: 0, average: null, satisfiedShare: null, dissatisfiedShare: null, rank: null, peers: 0 };

  const satisfaction = new DataLoader<{ subject: Subject; period: DatePeriod }, Satisfaction, string>(
    async (keys) => {
      const groups = new Map<
        string,
        {
          sql: string;
          params: unknown[];
          keys: string[];
          fromSums?: { sums: RatingMonthSums; tier: Tier; city: string; months: MonthRange };
        }
      >();
      for (const { subject, period } of keys) {
        const k = subject.kind === 'unit' ? subject.code : subject.id;
        const tier = subject.kind === 'unit' ? unitCode.tierOf(subject.code) : null;
        const city = subject.kind === 'unit' ? subject.code.slice(0, 4) : null;
        const groupKey = `${subject.kind}|${tier}|${city}|${period.from}|${period.to}`;
        if (!groups.has(groupKey)) {
          // Peers: every group of the same kind (and tier, for units) in the period; ranked by average.
          const keyExpr =
            subject.kind === 'unit'
              ? `rpad(left(unit_code, ${unitCode.prefixLength(tier!)}), 12, '0')`
              : subject.kind === 'department'
                ? 'department_id::text'
                : 'post_id::text';
          const where =
            subject.kind === 'unit'
              ? `left(unit_code, 4) = $3 AND ${unitCode.withinTierSql(tier!, 'unit_code')}`
              : subject.kind === 'department'
                ? 'true'
                : 'post_id IS NOT NULL';
          // Units over whole months read the trigger-kept monthly rollup; the numbers are the same.
          const months = subject.kind === 'unit' ? MonthRange.ofDates(period.from, period.to) : null;
          const source = months ? ROLLUP_SOURCE : RATING_SOURCE;
          const sql = `
            WITH g AS (
              SELECT ${keyExpr} AS key, sum(n)::int AS count, (sum(score_sum)::float / sum(n)) AS average,
                     (sum(satisfied)::float / sum(n)) AS satisfied, (sum(dissatisfied)::float / sum(n)) AS dissatisfied
                FROM (${source}) b WHERE ${where}
               GROUP BY 1 HAVING sum(n) > 0)
            SELECT key, count, average, satisfied, dissatisfied,
                   rank() OVER (ORDER BY round(average::numeric, 2) DESC)::int AS rank, count(*) OVER ()::int AS peers
              FROM g`;
          groups.set(groupKey, {
            sql,
            params: subject.kind === 'unit' ? [period.from, period.to, city] : [period.from, period.to],
            keys: [],
            ...(months && sums ? { fromSums: { sums, tier: tier!, city: city!, months } } : {}),
          });
        }
        groups.get(groupKey)!.keys.push(k);
      }
      const found = new Map<string, Row>();
      const peersOf = new Map<string, number>();
      for (const [groupKey, g] of groups) {
        const rows: Row[] = g.fromSums
          ? rankedUnits(await g.fromSums.sums.current(), g.fromSums.tier, g.fromSums.city, g.fromSums.months)
          : await requestScope.asSystem(() => ds.query(g.sql, g.params)); // public aggregates, ranked among every peer: summed over all units
        for (const r of rows) found.set(`${groupKey}|${r.key}`, r);
        peersOf.set(groupKey, rows[0]?.peers ?? 0);
      }
      return keys.map(({ subject, period }) => {
        const tier = subject.kind === 'unit' ? unitCode.tierOf(subject.code) : null;
        const city = subject.kind === 'unit' ? subject.code.slice(0, 4) : null;
        const groupKey = `${subject.kind}|${tier}|${city}|${period.from}|${period.to}`;
        const k = subject.kind === 'unit' ? subject.code : subject.id;
        const s = toSatisfaction(found.get(`${groupKey}|${k}`));
        return { ...s, peers: peersOf.get(groupKey) ?? 0 };
      });
    },
    { cacheKeyFn: (k) => `${JSON.stringify(k.subject)}|${k.period.from}|${k.period.to}` },
  );

  /** Monthly series of units' subtrees: one statement per period for any number of units. */
  const series = new DataLoader<{ code: string; period: DatePeriod }, SatisfactionMonth[], string>(
    async (keys) => {
      const out = new Map<string, SatisfactionMonth[]>();
      const byPeriod = new Map<string, { period: DatePeriod; codes: string[] }>();
      for (const k of keys) {
        const p = `${k.period.from}|${k.period.to}`;
        const g = byPeriod.get(p) ?? { period: k.period, codes: [] };
        if (!g.codes.includes(k.code)) g.codes.push(k.code);
        byPeriod.set(p, g);
      }
      for (const [p, { period, codes }] of byPeriod) {
        const ranges = codes.map((c) => unitCode.subtreeRange(c));
        const months = MonthRange.ofDates(period.from, period.to);
        const rows: { code: string; month: string; count: number; average: number | null }[] = months
          ? sums
            ? monthsOf(await sums.current(), codes, months)
            : (
                await sumRollup(
                  ds,
                  'rating_month_stat',
                  ['ratings', 'score_sum'] as const,
                  codes,
                  months.fromDay,
                  months.toDay,
                  true,
                )
              )
                .filter((r) => Number(r['ratings']) > 0)
                .sort((a, b) => String(a['month']).localeCompare(String(b['month'])))
                .map((r) => ({
                  code: String(r['code']),
                  month: String(r['month']),
                  count: Number(r['ratings']),
                  average: Number(r['score_sum']) / Number(r['ratings']),
                }))
          : await requestScope.asSystem(() =>
              ds.query(
                `SELECT u.code, to_char(date_trunc('month', r.rated_on), 'YYYY-MM') AS month, count(*)::int AS count, avg(r.score)::float AS average
                 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(code, low, high)
                 JOIN rating r ON r.unit_code BETWEEN u.low AND u.high AND r.rated_on >= $4 AND r.rated_on < $5
                GROUP BY 1, 2 ORDER BY 1, 2`,
                [codes, ranges.map((r) => r.low), ranges.map((r) => r.high), period.from, period.to],
              ),
            );
        for (const c of codes) out.set(`${c}|${p}`, []);
        for (const r of rows)
          out.get(`${r.code}|${p}`)!.push({ month: r.month, count: r.count, average: round(r.average) });
      }
      return keys.map((k) => out.get(`${k.code}|${k.period.from}|${k.period.to}`)!);
    },
    { cacheKeyFn: (k) => `${k.code}|${k.period.from}|${k.period.to}` },
  );

  return { satisfaction, series };
}

export type SatisfactionLoaders = ReturnType<typeof createSatisfactionLoaders>;
