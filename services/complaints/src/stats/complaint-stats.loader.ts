import type { Principal } from '@sunlight/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { casesFiledIn, type CasesFiled } from '../clients/cases-filed';
import type { ComplaintStats } from './complaint-stats.type';
import { complaintStatsRows } from './complaint-stats.sql';

/** A unit's subtree and a period [from, to). */
export interface ComplaintStatsKey {
  code: string;
  from: Date;
  to: Date;
}

const keyOf = (k: ComplaintStatsKey) => `${k.code}|${k.from.toISOString()}|${k.to.toISOString()}`;

/**
 * Complaint statistics as `principal` may see them, per request: per period, one statement for
 * any number of units and one call to the cases subgraph for the cases they filed. When cases
 * does not answer, every key of the batch fails with `CASES_UNAVAILABLE`.
 */
export function createComplaintStatsLoader(ds: DataSource, deps: { casesFiled: CasesFiled }, principal: Principal) {
  return new DataLoader<ComplaintStatsKey, ComplaintStats, string>(
    async (keys) => {
      const out = new Map<string, ComplaintStats>();
      const periods = new Map<string, { from: Date; to: Date; codes: string[] }>();
      for (const k of keys) {
        const p = `${k.from.toISOString()}|${k.to.toISOString()}`;
        const g = periods.get(p) ?? { from: k.from, to: k.to, codes: [] };
        g.codes.push(k.code);
        periods.set(p, g);
      }
      for (const g of periods.values()) {
        const [rows, filed] = await Promise.all([
          complaintStatsRows(ds, principal, g.codes, g.from, g.to),
          casesFiledIn(deps.casesFiled, g.codes, g.from, g.to),
        ]);
        for (const r of rows) {
          const cases = filed.get(r.code);
          out.set(keyOf({ code: r.code, from: g.from, to: g.to }), {
            received: r.received,
            substantiatedRate: r.concluded > 0 ? Math.round((r.substantiated / r.concluded) * 10000) / 10000 : null,
            per10kCases: cases ? Math.round((r.received / cases) * 10000 * 100) / 100 : null,
            averageWorkingDaysToConclude: r.avg_days === null ? null : Math.round(r.avg_days * 100) / 100,
            noticesOpen: r.open_notices,
            noticesOverdue: r.overdue_notices,
          });
        }
      }
      return keys.map((k) => out.get(keyOf(k))!);
    },
    { cacheKeyFn: keyOf },
  );
}

export type ComplaintStatsLoader = ReturnType<typeof createComplaintStatsLoader>;
