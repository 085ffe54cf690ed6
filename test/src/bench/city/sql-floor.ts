import { createCaseStatsLoader } from '@sunlight/cases';
import { createComplaintStatsLoader } from '@sunlight/complaints';
import { createSatisfactionLoaders } from '@sunlight/evaluations';
import { createServiceDataSource, rollupTrends, type Principal } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import type { monthVariables } from '../../support/dashboard-query';

type Vars = ReturnType<typeof monthVariables>;

/**
 * The city dashboard's data by SQL alone: the same statements the subgraphs run (their own
 * loaders, on their own schemas), with no GraphQL and no HTTP. The risk index's tier-wide peer
 * statements are left out, as the alerts service caches them. The floor the federation is
 * measured against.
 */
export async function sqlFloor(databaseUrl: string, principal: Principal, city: string, now: () => Date) {
  const open = async (schema: string) => {
    const ds = createServiceDataSource({ url: databaseUrl, schema, entities: [], migrations: [], poolSize: 10 });
    return ds.initialize();
  };
  const [powers, cases, evaluations, complaints, alerts] = (await Promise.all(
    ['powers', 'cases', 'evaluations', 'complaints', 'alerts'].map(open),
  )) as [DataSource, DataSource, DataSource, DataSource, DataSource];
  const run = async (v: Vars): Promise<number> => {
    const tree: { code: string }[] = await powers.query(
      `SELECT u.code FROM unit u WHERE u.code = $1
       UNION ALL SELECT c.code FROM unit c WHERE c.parent_code = $1
       UNION ALL SELECT g.code FROM unit c JOIN unit g ON g.parent_code = c.code WHERE c.parent_code = $1`,
      [city],
    );
    const codes = tree.map((r) => r.code);
    const period = { from: new Date(v.from), to: new Date(v.to) };
    const caseStats = createCaseStatsLoader(cases);
    const satisfaction = createSatisfactionLoaders(evaluations);
    const casesFiled = async (units: string[]) =>
      new Map(
        (await caseStats.loadMany(units.map((code) => ({ code, period })))).map((s, i) => [
          units[i]!,
          s instanceof Error ? 0 : s.filed,
        ]),
      );
    const complaintStats = createComplaintStatsLoader(complaints, { casesFiled }, principal);
    await Promise.all([
      caseStats.loadMany(codes.map((code) => ({ code, period }))),
      rollupTrends(cases, 'case_month_stat', ['filed', 'completed', 'overdue', 'late'], now).forUnits.loadMany(codes),
      satisfaction.satisfaction.loadMany(
        codes.map((code) => ({ subject: { kind: 'unit' as const, code }, period: { from: v.dFrom, to: v.dTo } })),
      ),
      satisfaction.series.loadMany(codes.map((code) => ({ code, period: { from: v.dFrom, to: v.dTo } }))),
      rollupTrends(
        evaluations,
        'rating_month_stat',
        ['ratings', 'score_sum', 'satisfied', 'dissatisfied'],
        now,
      ).forUnits.loadMany(codes),
      complaintStats.loadMany(codes.map((code) => ({ code, ...period }))),
      rollupTrends(
        complaints,
        'complaint_month_stat',
        ['received', 'concluded', 'substantiated'],
        now,
      ).forUnits.loadMany(codes),
      rollupTrends(alerts, 'alert_month_stat', ['raised', 'red', 'undisposed'], now).forUnits.loadMany(codes),
    ]);
    return codes.length;
  };
  return { run, close: () => Promise.all([powers, cases, evaluations, complaints, alerts].map((d) => d.destroy())) };
}
