import { createServiceDataSource, readWorkingCalendar, TokenService, type Secrets } from '@sunlight/shared';
import { createTestDatabase, type TestDatabase } from '@sunlight/shared/testing';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { queryCode } from '../../../services/cases/src/case/query-code';
import type { CheckpointRule } from '../../../services/cases/src/checkpoint/checkpoint-rule';
import { evaluateCheckpoints } from '../../../services/cases/src/checkpoint/evaluate-checkpoints';
import { toCaseRow } from '../../../services/cases/src/case/case-row';
import { caseTrace } from '../../../services/cases/src/trace/case-trace';
import { verifyFollowUpCode } from '../../../services/complaints/src/identity/follow-up-code';
import { IdentityCipher } from '../../../services/complaints/src/identity/identity-cipher';
import { complaintTrace } from '../../../services/complaints/src/complaint/complaint-trace';
import { generateCity, type GeneratedCity } from './generate-city';
import { SCALES } from './scale';
import { cardsDueAt, cardsHeld } from './testing/case-cards-check';

const encode = (s: string) => new TextEncoder().encode(s);
const secrets: Secrets = {
  tokenSecret: encode('generator-test-token-secret-0123456789'),
  internalSecret: encode('generator-test-internal-secret-987654321'),
};
const tokens = new TokenService(secrets.tokenSecret, secrets.internalSecret);

/** md5 of a whole table in a fixed order: equal databases give equal checksums. */
const CHECKSUMS: Record<string, string> = {
  case: `SELECT md5(string_agg(c::text, '|' ORDER BY id)) AS sum FROM cases."case" c`,
  case_event: `SELECT md5(string_agg(case_id::text || seq || hash || payload::text, '|' ORDER BY case_id, seq)) AS sum FROM cases.case_event`,
  card: `SELECT md5(string_agg(k::text, '|' ORDER BY id)) AS sum FROM cases.card k`,
  rating: `SELECT md5(string_agg(r::text, '|' ORDER BY id)) AS sum FROM evaluations.rating r`,
  complaint: `SELECT md5(string_agg(c::text, '|' ORDER BY id)) AS sum FROM complaints.complaint c`,
  alert: `SELECT md5(string_agg(a::text, '|' ORDER BY seq)) AS sum FROM alerts.alert a`,
  power: `SELECT md5(string_agg(v::text, '|' ORDER BY power_id)) AS sum FROM powers.power_version v`,
};

async function one<T>(client: Client, sql: string, params: unknown[] = []): Promise<T> {
  return (await client.query(sql, params)).rows[0] as T;
}

describe('the city generator at small scale', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let city: GeneratedCity;
  let client: Client;
  let cases: DataSource;
  let complaintsDb: DataSource;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    city = await generateCity({ url: first.url, scale: SCALES.small, seed: 7, secrets });
    client = new Client({ connectionString: first.url });
    await client.connect();
    cases = createServiceDataSource({ url: first.url, schema: 'cases', entities: [], migrations: [] });
    complaintsDb = createServiceDataSource({ url: first.url, schema: 'complaints', entities: [], migrations: [] });
    await Promise.all([cases.initialize(), complaintsDb.initialize()]);
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await cases?.destroy();
    await complaintsDb?.destroy();
    await Promise.all([first?.drop(), second?.drop()]);
  });

  it('loads the scale asked for, and the manifest counts what is loaded', async () => {
    const counted = await one<Record<string, string>>(
      client,
      `SELECT (SELECT count(*) FROM powers.unit) AS units, (SELECT count(*) FROM powers.power WHERE status = 'PUBLISHED') AS powers,
              (SELECT count(*) FROM cases."case") AS cases, (SELECT count(*) FROM cases.case_event) AS events,
              (SELECT count(*) FROM evaluations.rating) AS ratings, (SELECT count(*) FROM complaints.complaint) AS complaints,
              (SELECT count(*) FROM alerts.alert) AS alerts`,
    );
    const small = SCALES.small;
    expect(Number(counted['units'])).toBe(1 + small.counties + small.townships + small.villages);
    expect(Number(counted['powers'])).toBe(small.powers);
    expect(Number(counted['cases'])).toBe(small.cases);
    expect(Number(counted['ratings'])).toBe(small.ratings);
    expect(Number(counted['complaints'])).toBe(small.complaints);
    expect(Number(counted['events']) / small.cases).toBeGreaterThan(4);
    expect(city.counts['cases.case']).toBe(small.cases);
    expect(city.counts['cases.case_event']).toBe(Number(counted['events']));
    expect(city.counts['alerts.alert']).toBe(Number(counted['alerts']));
    expect(city.samples.caseLookups).toHaveLength(small.lookupSamples);
  });

  it('is deterministic: the same seed gives the same rows', async () => {
    await generateCity({ url: second.url, scale: SCALES.small, seed: 7, secrets });
    const other = new Client({ connectionString: second.url });
    await other.connect();
    try {
      for (const [table, sql] of Object.entries(CHECKSUMS)) {
        const [a, b] = await Promise.all([one<{ sum: string }>(client, sql), one<{ sum: string }>(other, sql)]);
        expect({ table, sum: a.sum }).toEqual({ table, sum: b.sum });
      }
    } finally {
      await other.end();
    }
  }, 60_000);

  it('gives sampled cases and complaints traces the services verify', async () => {
    const numbers = city.samples.caseLookups.map((l) => l.number);
    const { rows } = await client.query<{ id: string }>(
      `(SELECT id FROM cases."case" WHERE number = ANY($1::text[])) UNION (SELECT id FROM cases."case" ORDER BY md5(id::text) LIMIT 200)
       UNION (SELECT DISTINCT case_id FROM cases.case_event WHERE kind IN ('RETURNED', 'SUSPENDED', 'EXTENDED', 'WITHDRAWN') LIMIT 50)`,
      [numbers],
    );
    expect(rows.length).toBeGreaterThan(200);
    for (const { id } of rows)
      expect({ id, verdict: await caseTrace.verify(cases.manager, id) }).toMatchObject({ id, verdict: { ok: true } });

    const complaints = await client.query<{ id: string; last_seq: number }>(
      'SELECT id, last_seq FROM complaints.complaint ORDER BY md5(id::text) LIMIT 50',
    );
    for (const c of complaints.rows)
      expect({ id: c.id, verdict: await complaintTrace.verify(complaintsDb.manager, c.id) }).toEqual({
        id: c.id,
        verdict: { ok: true, events: c.last_seq },
      });
  });

  it('keeps completed cases consistent with their clocks, cards and checkpoints', async () => {
    const calendar = await readWorkingCalendar(client);
    const { rows } = await client.query<{
      id: string;
      received_at: Date;
      completed_at: Date;
      working_days: number;
      on_time: boolean;
      case_extension_days: number;
      card_level: string | null;
      power_snapshot: { statutoryDays: number; checkpoints: CheckpointRule[] };
      amounts: Record<string, number>;
    }>(`SELECT * FROM cases."case" WHERE status = 'COMPLETED' ORDER BY md5(id::text) LIMIT 400`);
    const rank: Record<string, number> = { REMINDER: 1, YELLOW: 2, RED: 3 };
    for (const c of rows) {
      const pauses = (
        await client.query<{ from: Date; to: Date | null }>(
          'SELECT started_at AS "from", ended_at AS "to" FROM cases.case_pause WHERE case_id = $1',
          [c.id],
        )
      ).rows;
      const days = calendar.elapsedWorkingDays(c.received_at, c.completed_at, pauses);
      expect({ id: c.id, days: c.working_days, onTime: c.on_time }).toEqual({
        id: c.id,
        days,
        onTime: days <= c.power_snapshot.statutoryDays + c.case_extension_days,
      });
      const cards = (await client.query<{ level: string }>('SELECT level FROM cases.card WHERE case_id = $1', [c.id]))
        .rows;
      const top = cards.reduce<string | null>((t, k) => (t === null || rank[k.level]! > rank[t]! ? k.level : t), null);
      expect({ id: c.id, level: c.card_level }).toEqual({ id: c.id, level: top });

      const events = (
        await client.query<{
          kind: string;
          at: Date;
          payload: Record<string, unknown>;
          attachments: { name: string }[];
        }>('SELECT kind, at, payload, attachments FROM cases.case_event WHERE case_id = $1 ORDER BY seq', [c.id])
      ).rows;
      const log = (
        await client.query<{ step_no: number; finished_at: Date | null }>(
          'SELECT step_no, finished_at FROM cases.case_step_log WHERE case_id = $1 ORDER BY entry',
          [c.id],
        )
      ).rows;
      for (const e of events.filter((x) => x.kind === 'STEP_ADVANCED' || x.kind === 'COMPLETED')) {
        const stepNo = e.kind === 'COMPLETED' ? log[log.length - 1]!.step_no : (e.payload['from'] as number);
        const violations = evaluateCheckpoints(c.power_snapshot.checkpoints, {
          stepNo,
          attachmentNames: events.filter((x) => x.at <= e.at).flatMap((x) => x.attachments.map((a) => a.name)),
          amounts: c.amounts,
          payment: null,
          contractChange: (e.payload['contractChange'] as number | null | undefined) ?? null,
          workingDaysSince: (from) => {
            const done = log.filter((l) => l.step_no === from && l.finished_at !== null && l.finished_at < e.at).pop();
            return done ? calendar.workingDaysBetween(done.finished_at!, e.at) : null;
          },
        });
        expect({ id: c.id, stepNo, violations }).toEqual({ id: c.id, stepNo, violations: [] });
      }
    }
  }, 60_000);

  it('leaves open cases with exactly the cards the card scheduler would have raised by "now"', async () => {
    const calendar = await readWorkingCalendar(client);
    const now = new Date(city.window.now);
    const open = (
      await client.query<Record<string, unknown>>(
        `SELECT * FROM cases."case" WHERE status IN ('RECEIVED', 'IN_PROGRESS')`,
      )
    ).rows.map(toCaseRow);
    expect(open.length).toBeGreaterThan(0);
    for (const c of open) {
      const due = await cardsDueAt(client, c, calendar, now);
      const held = await cardsHeld(client, c);
      expect({ id: c.id, cards: held }).toEqual({ id: c.id, cards: due });
    }
  });

  it('leaves every monthly rollup as its rebuild function computes it', async () => {
    const rollups = (
      await client.query<{ name: string }>(
        "SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE tablename LIKE '%\\_month\\_stat' ORDER BY 1",
      )
    ).rows;
    expect(rollups.length).toBeGreaterThanOrEqual(3);
    const checksums = async () => {
      const out: Record<string, string> = {};
      for (const r of rollups)
        out[r.name] = (
          await one<{ sum: string }>(
            client,
            `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${r.name} t`,
          )
        ).sum;
      return out;
    };
    const loaded = await checksums();
    for (const r of rollups)
      expect({ table: r.name, rows: Number(loaded[r.name]!.split(':')[0]) > 0 }).toEqual({ table: r.name, rows: true });
    const rebuilds = (
      await client.query<{ fn: string }>(
        "SELECT format('%I.%I', n.nspname, p.proname) AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proname LIKE 'rebuild\\_%' AND p.pronargs = 0",
      )
    ).rows;
    for (const { fn } of rebuilds) await client.query(`SELECT ${fn}()`);
    expect(await checksums()).toEqual(loaded);
  });

  it('runs about 5% of cases late, the worse units several times as often', async () => {
    const overdue = "count(*) FILTER (WHERE card_level IN ('YELLOW', 'RED'))::float / count(*)";
    const all = await one<{ share: number }>(client, `SELECT ${overdue} AS share FROM cases."case"`);
    expect(all.share).toBeGreaterThan(0.035);
    expect(all.share).toBeLessThan(0.065);
    const county = city.samples.worseUnits.county.slice(0, 6);
    const split = await one<{ worse: number; peers: number }>(
      client,
      `SELECT (SELECT ${overdue} FROM cases."case" WHERE left(unit_code, 6) = $1) AS worse,
              (SELECT ${overdue} FROM cases."case" WHERE left(unit_code, 6) <> $1 AND unit_code <> $2) AS peers`,
      [county, city.samples.units.city],
    );
    expect(split.worse).toBeGreaterThan(2 * split.peers);
    const open = await one<{ n: number }>(
      client,
      `SELECT count(*)::int AS n FROM cases."case" WHERE status NOT IN ('COMPLETED', 'WITHDRAWN') AND received_at < $1::timestamptz - interval '21 days'`,
      [city.window.now],
    );
    expect(open.n).toBe(0);
  });

  it('stores query codes, identities and follow-up codes the services can use', async () => {
    const key = tokens.deriveKey('case-query-code');
    for (const l of city.samples.caseLookups.slice(0, 20)) {
      const { id } = await one<{ id: string }>(client, 'SELECT id FROM cases."case" WHERE number = $1', [l.number]);
      expect(queryCode.matches(key, id, l.queryCode)).toBe(true);
    }
    const cipher = new IdentityCipher(tokens.deriveKey('complainant-identity'));
    const named = await client.query<{ id: string; identity_cipher: string }>(
      'SELECT id, identity_cipher FROM complaints.complaint WHERE NOT anonymous LIMIT 20',
    );
    expect(named.rows.length).toBeGreaterThan(0);
    for (const c of named.rows) expect(cipher.decrypt(c.identity_cipher, c.id).name).toMatch(/^\p{Script=Han}{2,3}$/u);
    for (const f of city.samples.complaintFollowUps.slice(0, 2)) {
      const { hash } = await one<{ hash: string }>(
        client,
        'SELECT follow_up_hash AS hash FROM complaints.complaint WHERE number = $1',
        [f.number],
      );
      expect(await verifyFollowUpCode(f.followUpCode, hash)).toBe(true);
    }
  });
});
