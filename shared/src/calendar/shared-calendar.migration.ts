import type { MigrationInterface, QueryRunner } from 'typeorm';
import { calendarSchemaSql, CALENDAR_LOCK } from './calendar-schema-sql';
import { calendarTableSql } from './calendar-table-sql';
import { CHINA_2026_NOTICE_TITLE } from './china-2026';

/** The services that kept a copy of the calendar in a `calendar_day` table of their own schema. */
const LEGACY_SCHEMAS = ['cases', 'complaints'] as const;

interface LegacyRow {
  day: string;
  working: boolean;
  note: string;
}

/**
 * Moves a service from its own copy of the working-day calendar (`<schema>.calendar_day`) to the
 * one shared `calendar` schema ({@link calendarSchemaSql}), which every clock reads and only the
 * load path writes. Each service that had a copy runs one of these; whichever runs first creates
 * the schema and copies every service's copy (the union, refused if two copies disagree on a
 * date), loading each year it finds as one load `via MIGRATION`; the other finds those years
 * loaded with the same days. Each then checks that every row of its own copy is in the shared
 * calendar, identical, and only then drops its copy. Nothing is lost: a row that could not be
 * copied stops the migration.
 *
 * `down` recreates this service's copy from the shared calendar and leaves the shared schema in
 * place (another service may read it, and its load trace is append-only).
 */
export abstract class SharedCalendarMigration implements MigrationInterface {
  abstract readonly name: string;
  /** The service's schema, whose `calendar_day` this migration replaces. */
  protected abstract readonly schema: (typeof LEGACY_SCHEMAS)[number];

  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CALENDAR_LOCK]);
    for (const sql of calendarSchemaSql()) await q.query(sql);

    const byDate = new Map<string, LegacyRow>();
    for (const schema of LEGACY_SCHEMAS) {
      const [found]: { t: string | null }[] = await q.query('SELECT to_regclass($1)::text AS t', [
        `"${schema}".calendar_day`,
      ]);
      if (!found?.t) continue;
      const rows: LegacyRow[] = await q.query(
        `SELECT day::text AS day, working, note FROM "${schema}".calendar_day ORDER BY day`,
      );
      for (const r of rows) {
        const seen = byDate.get(r.day);
        if (seen && (seen.working !== r.working || seen.note !== r.note))
          throw new Error(
            `各服务的工作日历在 ${r.day} 上不一致（${schema}.calendar_day 与另一份不同），请先核对修正再迁移`,
          );
        byDate.set(r.day, r);
      }
    }
    const byYear = new Map<number, LegacyRow[]>();
    for (const r of byDate.values()) {
      const year = Number(r.day.slice(0, 4));
      byYear.set(year, [...(byYear.get(year) ?? []), r]);
    }
    const loaded = new Set(
      ((await q.query('SELECT year FROM calendar.notice')) as { year: number }[]).map((r) => r.year),
    );
    // A year loaded already (by the other service's migration, which copied this copy too) is
    // checked below, row by row, rather than loaded again.
    for (const [year, rows] of [...byYear].sort((a, b) => a[0] - b[0])) {
      if (loaded.has(year)) continue;
      const title =
        year === 2026 ? CHINA_2026_NOTICE_TITLE : `${year}年工作日历（迁移自各服务原 calendar_day 表，未记录通知）`;
      const days = rows.map((r) => ({ date: r.day, working: r.working, note: r.note }));
      await q.query(`SELECT * FROM calendar.load_notice($1, $2, '', $3::jsonb, $4, NULL, 'MIGRATION')`, [
        year,
        title,
        JSON.stringify(days),
        `migration:${this.name}`,
      ]);
    }

    const own = `"${this.schema}".calendar_day`;
    const [ownExists]: { t: string | null }[] = await q.query('SELECT to_regclass($1)::text AS t', [own]);
    if (!ownExists?.t) return;
    const [missing]: { n: number }[] = await q.query(
      `SELECT count(*)::int AS n FROM ${own} o LEFT JOIN calendar.day c ON c.day = o.day
        WHERE c.day IS NULL OR c.working IS DISTINCT FROM o.working OR c.note IS DISTINCT FROM o.note`,
    );
    if (missing?.n !== 0) throw new Error(`${own} 有 ${missing?.n ?? '?'} 行未能原样并入共享日历，已停止迁移`);
    await q.query(`DROP TABLE ${own}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [create] = calendarTableSql([]);
    await q.query(create!.replace('CREATE TABLE calendar_day', `CREATE TABLE "${this.schema}".calendar_day`));
    await q.query(
      `INSERT INTO "${this.schema}".calendar_day (day, working, note) SELECT day, working, note FROM calendar.day`,
    );
  }
}
