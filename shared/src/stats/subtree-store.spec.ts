import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { Tier } from '../auth/tier';
import { unitCode } from '../auth/unit-code';
import { openTestDataSource } from '../testing/open-test-data-source';
import {
  monthRollupSql,
  trackRollupChangesSql,
  untrackRollupChangesSql,
  type MonthRollupSpec,
} from './month-rollup-sql';
import { monthOrdinal } from './month-ordinal';
import { SubtreeStore } from './subtree-store';

const ITEM_MONTH_STAT: MonthRollupSpec = {
  table: 'item_month_stat',
  source: 'item',
  unit: 'R.unit_code',
  month: "date_trunc('month', R.on_day)::date",
  measures: { n: '1', big: '(R.size >= 10)::int', size: 'R.size' },
  watch: ['unit_code', 'on_day', 'size'],
};

class Items1700000000000 implements MigrationInterface {
  name = 'Items1700000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE item (id serial PRIMARY KEY, unit_code char(12) NOT NULL, on_day date NOT NULL, size int NOT NULL)',
    );
    for (const sql of monthRollupSql(ITEM_MONTH_STAT)) await q.query(sql);
  }
  async down(): Promise<void> {}
}

const UNITS = [
  '139900000000',
  '139901000000',
  '139901001000',
  '139901001001',
  '139901001002',
  '139901002003',
  '139902000000',
  '139902004005',
];
const MEASURES = ['n', 'big', 'size'] as const;

describe('subtree store: a monthly rollup summed per subtree in memory, following committed writes', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;
  let store: SubtreeStore<(typeof MEASURES)[number]>;

  beforeAll(async () => {
    db = await openTestDataSource({ schema: 'svc', entities: [], migrations: [Items1700000000000] });
    ds = db.dataSource;
    // A year and a half of items in every unit, some months empty.
    await ds.query(
      `INSERT INTO item (unit_code, on_day, size)
       SELECT u, date '2025-06-01' + (i * 7 % 540), (i * 13) % 20 FROM unnest($1::text[]) WITH ORDINALITY AS t(u, k), generate_series(1, 40 + k::int * 5) AS i`,
      [UNITS],
    );
    store = new SubtreeStore(ds, 'item_month_stat', MEASURES);
    await store.start({ refreshMs: 0 });
  });
  afterAll(async () => {
    await store?.stop();
    await db?.close();
  });

  /** What SQL says every unit's subtree holds per month: a GROUP BY over code prefixes. */
  async function truth(): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    for (const code of UNITS) {
      const p = unitCode.prefixOf(code);
      const rows: { m: number; n: number; big: number; size: number }[] = await ds.query(
        `SELECT (extract(year FROM on_day)::int * 12 + extract(month FROM on_day)::int - 1) AS m, count(*)::int AS n, count(*) FILTER (WHERE size >= 10)::int AS big, sum(size)::int AS size
           FROM item WHERE left(unit_code, ${p.length}) = $1 GROUP BY 1`,
        [p],
      );
      for (const r of rows) out.set(`${code}|${r.m}`, [r.n, r.big, r.size]);
    }
    return out;
  }

  async function held(): Promise<Map<string, number[]>> {
    const sums = await store.current();
    const out = new Map<string, number[]>();
    for (const code of UNITS) {
      for (let m = monthOrdinal.of('2025-01'); m < monthOrdinal.of('2027-12'); m++) {
        const s = sums.at(code, m);
        if (s && s[0]! > 0) out.set(`${code}|${m}`, [...s.slice(0, 3)]);
      }
    }
    return out;
  }

  it('is built from the rollup with the sums a GROUP BY over code prefixes gives, for units of every tier', async () => {
    const expected = await truth();
    expect(expected.size).toBeGreaterThan(100);
    expect(await held()).toEqual(expected);
    const sums = await store.current();
    const all = sums.total('139900000000', monthOrdinal.of('2025-01'), monthOrdinal.of('2028-01'));
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM item');
    expect(all[0]).toBe(n);
  });

  it('reads committed inserts, updates and deletes before answering', async () => {
    await ds.query(
      `INSERT INTO item (unit_code, on_day, size) VALUES ('139901001001', '2026-03-04', 50), ('139902004005', '2027-01-09', 1)`,
    );
    await ds.query(`UPDATE item SET size = size + 10 WHERE id % 7 = 0`);
    await ds.query(`UPDATE item SET unit_code = '139901002003' WHERE id % 11 = 0`);
    await ds.query(`DELETE FROM item WHERE id % 5 = 0`);
    expect(await held()).toEqual(await truth());
  });

  it('reads a write that commits after a later one, and nothing rolled back', async () => {
    const slow = ds.createQueryRunner();
    await slow.connect();
    try {
      await slow.startTransaction();
      await slow.query(`INSERT INTO item (unit_code, on_day, size) VALUES ('139901001002', '2026-02-02', 3)`);
      // A later transaction commits first (another village of the township: no row both must lock), and the store reads past it.
      await ds.query(`INSERT INTO item (unit_code, on_day, size) VALUES ('139901001001', '2026-02-03', 4)`);
      expect(await held()).toEqual(await truth());
      await slow.commitTransaction();
      expect(await held()).toEqual(await truth());
      await slow.startTransaction();
      await slow.query(`INSERT INTO item (unit_code, on_day, size) VALUES ('139901001002', '2026-02-05', 5)`);
      await slow.rollbackTransaction();
      expect(await held()).toEqual(await truth());
    } finally {
      await slow.release();
    }
  });

  it('follows a rebuild, which zeroes rollup rows whose source rows are gone instead of deleting them', async () => {
    await ds.transaction(async (em) => {
      await em.query('ALTER TABLE item DISABLE TRIGGER USER');
      await em.query(`DELETE FROM item WHERE unit_code = '139901002003'`);
      await em.query(`UPDATE item SET size = 0 WHERE unit_code = '139902000000'`);
      await em.query('ALTER TABLE item ENABLE TRIGGER USER');
    });
    await ds.query('SELECT rebuild_item_month_stat()');
    expect(await held()).toEqual(await truth());
    const sums = await store.current();
    expect(
      sums
        .unitsOfTier(Tier.TOWNSHIP, '1399', monthOrdinal.of('2025-01'), monthOrdinal.of('2028-01'))
        .map((u) => [u.code, u.total[0]]),
    ).toEqual([
      ['139901001000', expect.any(Number)],
      ['139901002000', 0], // rows zeroed, still rows, as in the table
      ['139902004000', expect.any(Number)],
    ]);
  });

  it('catches up in the background within the refresh period when reads may lag', async () => {
    const lagging = new SubtreeStore(ds, 'item_month_stat', MEASURES);
    await lagging.start({ refreshMs: 100, maxLagMs: 60_000 });
    try {
      await ds.query(`INSERT INTO item (unit_code, on_day, size) VALUES ('139901001001', '2026-07-01', 1000)`);
      const written = Date.now();
      const key = (s: Awaited<ReturnType<typeof lagging.current>>) =>
        s.at('139900000000', monthOrdinal.of('2026-07'))?.[2];
      const [{ size }] = await ds.query(
        `SELECT sum(size)::int AS size FROM item WHERE on_day >= '2026-07-01' AND on_day < '2026-08-01'`,
      );
      while (key(await lagging.current()) !== size && Date.now() - written < 5000)
        await new Promise((r) => setTimeout(r, 20));
      expect(key(await lagging.current())).toBe(size);
      expect(Date.now() - written).toBeLessThan(1000);
    } finally {
      await lagging.stop();
    }
  });

  it('shares one read among the loaders waiting at the same moment', async () => {
    const statements: string[] = [];
    const query = ds.query.bind(ds);
    const spy = jest.spyOn(ds, 'query').mockImplementation((sql, params) => {
      statements.push(sql);
      return query(sql, params);
    });
    try {
      await Promise.all([store.current(), store.current(), store.current()]);
      expect(statements).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('tracks changes on a rollup created before tracking, and stops tracking on the way down (migration)', async () => {
    const column = async () =>
      (
        await ds.query(
          `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'item_month_stat' AND column_name = 'changed_xid'`,
        )
      )[0].n;
    for (const sql of untrackRollupChangesSql(ITEM_MONTH_STAT)) await ds.query(sql);
    expect(await column()).toBe(0);
    await ds.query(`INSERT INTO item (unit_code, on_day, size) VALUES ('139901001001', '2026-08-01', 1)`);
    for (const sql of trackRollupChangesSql(ITEM_MONTH_STAT)) await ds.query(sql);
    for (const sql of trackRollupChangesSql(ITEM_MONTH_STAT)) await ds.query(sql); // idempotent: a fresh database already has it
    expect(await column()).toBe(1);
    const fresh = new SubtreeStore(ds, 'item_month_stat', MEASURES);
    await fresh.start({ refreshMs: 0 });
    await ds.query(`INSERT INTO item (unit_code, on_day, size) VALUES ('139901001001', '2026-08-02', 2)`);
    const [{ size }] = await ds.query(
      `SELECT sum(size)::int AS size FROM item WHERE unit_code LIKE '139901%' AND on_day >= '2026-08-01' AND on_day < '2026-09-01'`,
    );
    expect((await fresh.current()).at('139901000000', monthOrdinal.of('2026-08'))?.[2]).toBe(size);
    await fresh.stop();
  });
});
