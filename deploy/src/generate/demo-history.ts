import { DEMO_SEED, generateDemoData } from '@sunlight/powers';
import { CHINA_2026, readWorkingCalendar, type WorkingCalendar } from '@sunlight/shared';
import { Client } from 'pg';
import { AlertBook } from './alert-book';
import { BulkWriter } from './bulk-writer';
import { CHINA_2025 } from './china-2025';
import { demoCatalog, demoTree } from './demo-catalog';
import { demoCutOff } from './demo-cut-off';
import { writeDemoNotices } from './demo-notices';
import { demoVolumes, DEMO_SCALE } from './demo-volumes';
import { watchedCases } from './demo-watch-cases';
import { FilingCalendar } from './filing-calendar';
import { countRows, finishLoad } from './finish-load';
import { extendCalendars } from './generate-city';
import { openLoadSession } from './load-session';
import { SERVICE_SCHEMAS } from './migrate-services';
import { Organization } from './organization';
import { Random } from './random';
import { dateDay, DAY_MS, dayDate } from './time-window';
import { WorkingDays } from './working-days';
import { chooseWorseUnits } from './worse-units';
import { readRoutingRules, writeActivity } from './write-activity';

/** One history per database, whoever starts first. */
const LOCK = 'sunlight:seed:demo-history';

export interface DemoHistoryOptions {
  /** A database every service has migrated and whose demo catalog the powers service has seeded. */
  url: string;
  /** The services' keys: query codes, rating stage keys, device keys and identities derive from them as the services derive them. */
  keys: { deriveKey(purpose: string): Uint8Array };
  /** The complainant identity key (COMPLAINANT_KEY); derived from the keys when absent, as the service does. */
  complainantKey?: Uint8Array;
  /** The wall clock: the history ends at the cut-off before it ({@link demoCutOff}). */
  now?: Date;
  log?: (message: string) => void;
}

/** What was written. */
export interface DemoHistory {
  window: { from: string; to: string; cutOff: string };
  /** The working day whose start crosses the watched cases' card thresholds. */
  boundary: string;
  counts: Record<string, number>;
  ms: number;
}

/**
 * Twelve months of the demo city's history up to the cut-off before `now`, over the catalog the
 * powers service seeded (its units, departments, posts, accounts and published powers, ids and
 * all): cases with their hash-chained traces, step logs, pauses and cards, ratings (case stages
 * and window devices), complaints with their traces, inspectors' notices ({@link writeDemoNotices}),
 * the alerts all of those raised, and the
 * services' month rollups rebuilt from them. Written with the city generator's code, once: under
 * an advisory lock, only into a database without cases; returns null when there are some already.
 * Nothing in it is later than the cut-off, so what happens after it (the cards due at the next
 * working day's start, see {@link watchedCases}) is raised by the services themselves.
 */
export async function writeDemoHistory(o: DemoHistoryOptions): Promise<DemoHistory | null> {
  const log = o.log ?? (() => undefined);
  const started = Date.now();
  const guard = new Client({ connectionString: o.url, application_name: 'sunlight-demo-history' });
  await guard.connect();
  try {
    await guard.query('SELECT pg_advisory_lock(hashtext($1))', [LOCK]);
    const { rows } = await guard.query<{ cases: boolean; units: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM cases."case") AS cases, EXISTS (SELECT 1 FROM powers.unit) AS units',
    );
    if (rows[0]?.cases) return null;
    if (!rows[0]?.units) throw new Error('the demo history needs the demo catalog: seed the powers service first');
    await extendCalendars(guard);
    // The calendar as the cases service reads it (its schema first on the path, rows as an array).
    await guard.query('SET search_path TO cases');
    const calendar = await readWorkingCalendar({ query: async (sql: string) => (await guard.query(sql)).rows });
    await guard.query('RESET search_path');
    const window = await load(o, calendar, log);
    const { rows: seq } = await guard.query<{ n: string | null }>('SELECT max(seq)::text AS n FROM alerts.alert');
    await finishLoad(guard, { lastAlertSeq: Number(seq[0]?.n ?? 0), schemas: SERVICE_SCHEMAS, log });
    return { ...window, counts: await countRows(guard, SERVICE_SCHEMAS), ms: Date.now() - started };
  } finally {
    await guard.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await guard.end();
  }
}

async function load(
  o: DemoHistoryOptions,
  calendar: WorkingCalendar,
  log: (m: string) => void,
): Promise<Pick<DemoHistory, 'window' | 'boundary'>> {
  const seed = DEMO_SEED;
  const { window, boundary } = demoCutOff(calendar, o.now ?? new Date());
  const session = await openLoadSession(o.url);
  try {
    const main = session.clients[0]!;
    const rules = await readRoutingRules(main);
    // Far enough either side for the plans of the oldest and of the still open cases.
    const wd = new WorkingDays(calendar, dayDate(dateDay(window.from) - 60), dayDate(dateDay(window.to) + 400));
    const filing = new FilingCalendar(wd, window, [...CHINA_2025, ...CHINA_2026]);
    const createdAt = new Date(Date.parse(`${window.from}T00:00:00+08:00`) - 30 * DAY_MS).toISOString();
    const writer = new BulkWriter(session.clients, { ordered: !session.replica });
    const alerts = new AlertBook();
    const demo = generateDemoData(seed);
    const tree = demoTree(demo);
    const org = Organization.ofDemo(demo);
    const catalog = demoCatalog(demo, Random.fork(seed, 'demo-history', 'catalog'));
    const worse = chooseWorseUnits(tree, Random.fork(seed, 'demo-history', 'worse-units'));
    const volumes = demoVolumes(tree, Random.fork(seed, 'demo-history', 'volumes'));
    const total = [...volumes.values()].reduce((a, b) => a + b, 0);
    const staged = watchedCases(catalog, wd, dateDay(boundary), Random.fork(seed, 'demo-history', 'watched'));
    const complaints = Math.round(DEMO_SCALE.complaintsPerCase * total);
    const { cases, stageRatings, deviceRatings, lastSeq } = await writeActivity(
      {
        tree,
        org,
        catalog,
        wd,
        filing,
        writer,
        alerts,
        worse,
        rules,
        seed,
        createdAt,
        now: window.now,
        keys: o.keys,
        complainantKey: o.complainantKey,
        fork: (label) => Random.fork(seed, 'demo-history', label),
        evenly: true,
        volumes,
        staged,
      },
      {
        cases: total,
        ratings: Math.round(DEMO_SCALE.ratingsPerCase * total),
        complaints,
        caseSamples: 0,
        complaintSamples: 0,
      },
    );
    const notices = await writeDemoNotices(main, {
      tree,
      wd,
      now: window.now,
      citable: cases.citable,
      random: Random.fork(seed, 'demo-history', 'notices'),
    });
    log(
      `demo history ${window.from}..${window.to} 18:00: ${total} cases (${cases.events} events), ${stageRatings} case-stage and ${deviceRatings} device ratings, ${complaints} complaints, ${notices} notices, ${lastSeq} alerts`,
    );
    return { window: { from: window.from, to: window.to, cutOff: new Date(window.now).toISOString() }, boundary };
  } finally {
    await session.close();
  }
}
