import { randomBytes } from 'node:crypto';
import { createLogger, createServiceDataSource, readWorkingCalendar, TokenService } from '@sunlight/shared';
import { createTestDatabase, type TestDatabase } from '@sunlight/shared/testing';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { toCaseRow, type CaseRow } from '../../../services/cases/src/case/case-row';
import { caseTrace } from '../../../services/cases/src/trace/case-trace';
import { prepareDemoDatabase } from './demo-database';
import type { DemoHistory } from './demo-history';
import { WATCHED_UNITS } from './demo-watch-cases';
import { cardsDueAt, cardsHeld } from './testing/case-cards-check';

/** A Monday morning: the history ends on Friday 2026-12-04 at 18:00, Monday is the boundary. */
const NOW = new Date('2026-12-07T09:10:00+08:00');

describe('the demo history', () => {
  let db: TestDatabase;
  let client: Client;
  let cases: DataSource;
  let history: DemoHistory;
  let open: CaseRow[];
  const dueAt = async (c: CaseRow, at: Date) => cardsDueAt(client, c, await readWorkingCalendar(cases), at);
  const held = (c: CaseRow) => cardsHeld(client, c);

  beforeAll(async () => {
    db = await createTestDatabase();
    const keys = new TokenService(new Uint8Array(randomBytes(32)), new Uint8Array(randomBytes(32)));
    history = (await prepareDemoDatabase({
      url: db.url,
      keys,
      history: true,
      logger: createLogger('test'),
      now: NOW,
    }))!;
    client = new Client({ connectionString: db.url });
    await client.connect();
    cases = createServiceDataSource({ url: db.url, schema: 'cases', entities: [], migrations: [] });
    await cases.initialize();
    open = (
      await client.query<Record<string, unknown>>(
        `SELECT * FROM cases."case" WHERE status IN ('RECEIVED', 'IN_PROGRESS')`,
      )
    ).rows.map(toCaseRow);
  }, 300_000);

  afterAll(async () => {
    await client?.end();
    await cases?.destroy();
    await db?.drop();
  });

  it('ends at 18:00 on the working day before the boundary, and nothing in it is later', async () => {
    expect(history.window).toEqual({ from: '2025-12-05', to: '2026-12-04', cutOff: '2026-12-04T10:00:00.000Z' });
    expect(history.boundary).toBe('2026-12-07');
    const { rows } = await client.query<{ latest: Date }>(
      `SELECT max(t) AS latest FROM (
         SELECT max(at) AS t FROM cases.case_event UNION ALL SELECT max(raised_at) FROM cases.card
         UNION ALL SELECT max(at) FROM complaints.complaint_event UNION ALL SELECT max(raised_at) FROM complaints.complaint_alarm UNION ALL SELECT max(created_at) FROM evaluations.rating
         UNION ALL SELECT max(raised_at) FROM alerts.alert UNION ALL SELECT max(greatest(acknowledged_at, disposed_at)) FROM alerts.alert
         UNION ALL SELECT max(greatest(issued_at, closed_at)) FROM complaints.notice) x`,
    );
    expect(rows[0]!.latest.getTime()).toBeLessThanOrEqual(Date.parse(history.window.cutOff));
  });

  it('is a year of a city: thousands of cases, traced, rated, complained about, alerted on', () => {
    const c = history.counts;
    expect(c['cases.case']).toBeGreaterThan(3000);
    expect(c['cases.case']).toBeLessThan(13000);
    expect(c['cases.case_event']).toBeGreaterThan(4 * c['cases.case']!);
    for (const table of [
      'cases.card',
      'evaluations.rating',
      'complaints.complaint',
      'complaints.notice',
      'alerts.alert',
    ])
      expect({ table, rows: c[table] }).toEqual({ table, rows: expect.any(Number) as number });
    expect(
      Math.min(c['cases.card']!, c['complaints.complaint']!, c['complaints.notice']!, c['alerts.alert']!),
    ).toBeGreaterThan(0);
  });

  it('leaves every open case with exactly the cards the card scheduler would have raised by the cut-off', async () => {
    expect(open.length).toBeGreaterThan(20);
    const cutOff = new Date(history.window.cutOff);
    for (const c of open)
      expect({ number: c.number, cards: await held(c) }).toEqual({ number: c.number, cards: await dueAt(c, cutOff) });
  });

  it('holds, at each watched unit, an open case due a REMINDER, one due a YELLOW and one due a RED at the boundary', async () => {
    for (const unit of WATCHED_UNITS) {
      const fresh: string[] = [];
      for (const c of open.filter((x) => x.unitCode === unit)) {
        const have = new Set(await held(c));
        fresh.push(
          ...(await dueAt(c, NOW)).filter((d) => !have.has(d) && d.endsWith(':step:1')).map((d) => d.split(':')[0]!),
        );
      }
      for (const level of ['REMINDER', 'YELLOW', 'RED'])
        expect({ unit, level, due: fresh.includes(level) }).toEqual({ unit, level, due: true });
    }
  });

  it('chains the trace of every open case of the watched units as the cases service verifies it', async () => {
    const watched = open.filter((c) => (WATCHED_UNITS as readonly string[]).includes(c.unitCode));
    expect(watched.length).toBeGreaterThanOrEqual(6);
    for (const c of watched)
      expect({ number: c.number, verdict: await caseTrace.verify(cases.manager, c.id) }).toMatchObject({
        number: c.number,
        verdict: { ok: true },
      });
  });

  it('is written once: a second call finds cases and writes nothing', async () => {
    const keys = new TokenService(new Uint8Array(randomBytes(32)), new Uint8Array(randomBytes(32)));
    expect(
      await prepareDemoDatabase({ url: db.url, keys, history: true, logger: createLogger('test'), now: NOW }),
    ).toBeNull();
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM cases."case"');
    expect(rows[0]!.n).toBe(history.counts['cases.case']);
  });
});
