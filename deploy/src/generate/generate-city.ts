import { DEMO_SEED, generateDemoData } from '@sunlight/powers';
import { CHINA_2026, loadHolidayNotice, readWorkingCalendar, TokenService, type Secrets } from '@sunlight/shared';
import { Client } from 'pg';
import { AlertBook } from './alert-book';
import { BulkWriter } from './bulk-writer';
import { writeCatalog } from './catalog-rows';
import { CHINA_2025 } from './china-2025';
import { buildCityUnits } from './city-units';
import { FilingCalendar } from './filing-calendar';
import { countRows, finishLoad } from './finish-load';
import { openLoadSession, type LoadSession } from './load-session';
import { clerkSamples, powersByCounty, unitSamples, type ClerkSample } from './manifest-samples';
import { migrateServices, SERVICE_SCHEMAS } from './migrate-services';
import { Organization } from './organization';
import { buildCatalog } from './power-catalog';
import { Random } from './random';
import type { Scale } from './scale';
import { timeWindow } from './time-window';
import { WorkingDays } from './working-days';
import { chooseWorseUnits } from './worse-units';
import { readRoutingRules, writeActivity } from './write-activity';

export interface GenerateCityOptions {
  /** An empty database (migrated here). */
  url: string;
  scale: Scale;
  seed: number;
  /** The keys the services will run with: query codes, rating stage keys, device keys derive from them. */
  secrets: Secrets;
  /** The complainant identity key (COMPLAINANT_KEY); derived from the internal secret when absent, as the service does. */
  complainantKey?: Uint8Array;
  log?: (message: string) => void;
}

export interface GeneratedSamples {
  /** Case numbers with their query codes in clear: the public progress lookup's inputs. */
  caseLookups: { number: string; queryCode: string; status: string }[];
  complaintFollowUps: { number: string; followUpCode: string; status: string }[];
  units: { city: string; counties: string[]; townships: string[]; villages: string[] };
  powersByCounty: Record<string, string[]>;
  clerks: ClerkSample[];
  worseUnits: { county: string; townships: string[]; villages: string[] };
}

/** What was generated, for the manifest. */
export interface GeneratedCity {
  seed: number;
  scale: string;
  window: { from: string; to: string; now: string };
  counts: Record<string, number>;
  samples: GeneratedSamples;
}

/**
 * Loads the 2025 holidays into the shared working calendar (the migrations bring 2026), through
 * its one load path: traced as a COMMAND load by `command:generate`; a repeat writes nothing.
 */
export async function extendCalendars(client: Client): Promise<void> {
  const notice = { year: 2025, title: '国务院办公厅关于2025年部分节假日安排的通知', number: '', days: [...CHINA_2025] };
  await loadHolidayNotice(client, notice, { loadedBy: 'command:generate', via: 'COMMAND' });
}

async function load(o: GenerateCityOptions, session: LoadSession, log: (m: string) => void): Promise<GeneratedSamples> {
  const { scale, seed } = o;
  const main = session.clients[0]!;
  await extendCalendars(main);
  const calendar = await readWorkingCalendar(main);
  const rules = await readRoutingRules(main);
  const window = timeWindow();
  const wd = new WorkingDays(calendar, '2024-11-01', '2027-12-31');
  const filing = new FilingCalendar(wd, window, [...CHINA_2025, ...CHINA_2026]);
  const createdAt = new Date(Date.parse(`${window.from}T00:00:00+08:00`) - 30 * 86_400_000).toISOString();
  const tokens = new TokenService(o.secrets.tokenSecret, o.secrets.internalSecret);
  const writer = new BulkWriter(session.clients, { ordered: !session.replica });
  const alerts = new AlertBook();

  const demo = generateDemoData(DEMO_SEED);
  const tree = buildCityUnits(scale, demo.units[0]!.name, Random.fork(seed, 'units'));
  const worse = chooseWorseUnits(tree, Random.fork(seed, 'worse-units'));
  const org = new Organization(tree.units, demo, Random.fork(seed, 'accounts'));
  const catalog = buildCatalog(tree, org, scale.powers, seed, Random.fork(seed, 'catalog'));
  writeCatalog(writer, tree, org, catalog, createdAt);
  log(
    `${tree.units.length} units (${tree.counties.length} counties, ${tree.townships.length} townships, ${tree.villages.length} villages), ${catalog.length} powers`,
  );

  const started = Date.now();
  const { cases, complaintFollowUps, lastSeq } = await writeActivity(
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
      keys: tokens,
      complainantKey: o.complainantKey,
      fork: (label) => Random.fork(seed, label),
      progress: (done) => {
        if (done % 50_048 !== 0 && done !== scale.cases) return;
        const { rss, heapUsed } = process.memoryUsage();
        log(
          `cases ${done}/${scale.cases} (${Math.round(done / Math.max(0.001, (Date.now() - started) / 1000))}/s; rss ${rss >> 20} MB, heap ${heapUsed >> 20} MB)`,
        );
      },
      log,
    },
    {
      cases: scale.cases,
      ratings: scale.ratings,
      complaints: scale.complaints,
      caseSamples: scale.lookupSamples,
      complaintSamples: Math.min(50, scale.complaints),
    },
  );
  log(`${lastSeq} alerts; all rows loaded`);
  return {
    caseLookups: cases.lookups,
    complaintFollowUps,
    units: unitSamples(tree),
    powersByCounty: powersByCounty(tree, catalog),
    clerks: clerkSamples(tree, org, catalog),
    worseUnits: { county: worse.county, townships: worse.townships, villages: worse.villages },
  };
}

/**
 * Generates a whole city into `url`: every service's schema through its own migrations, then the
 * unit tree and catalog, cases with their traces, cards, ratings, complaints and alerts, loaded
 * in bulk; then sequences, rollups and statistics. Deterministic for a seed and a set of keys.
 */
export async function generateCity(o: GenerateCityOptions): Promise<GeneratedCity> {
  const log = o.log ?? (() => undefined);
  const applied = await migrateServices(o.url);
  log(`migrated ${SERVICE_SCHEMAS.join(', ')} (${applied.length} migrations)`);
  const session = await openLoadSession(o.url);
  if (!session.replica)
    log('may not set session_replication_role: loading on one connection, triggers and foreign keys on');
  let samples: GeneratedSamples;
  try {
    samples = await load(o, session, log);
  } finally {
    await session.close();
  }
  const client = new Client({ connectionString: o.url, application_name: 'sunlight-generate' });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string | null }>('SELECT max(seq)::text AS n FROM alerts.alert');
    await finishLoad(client, { lastAlertSeq: Number(rows[0]?.n ?? 0), schemas: SERVICE_SCHEMAS, log });
    const window = timeWindow();
    return {
      seed: o.seed,
      scale: o.scale.name,
      window: { from: window.from, to: window.to, now: new Date(window.now).toISOString() },
      counts: await countRows(client, SERVICE_SCHEMAS),
      samples,
    };
  } finally {
    await client.end();
  }
}
