import { env, readEnv, TokenService, type Logger, type Secrets } from '@sunlight/shared';
import { Client } from 'pg';
import { prepareDemoDatabase } from '../generate/demo-database';
import { DemoHistoryMarker } from './demo-history-marker';

/** Whether the database already holds cases (false before the cases service's first migration). */
async function hasCases(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, application_name: 'sunlight-launcher' });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('cases."case"')::text AS t`);
    if (!rows[0]?.t) return false;
    const found = await client.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM cases."case") AS any');
    return found.rows[0]!.any;
  } finally {
    await client.end();
  }
}

/**
 * What `npm start` does to the database before any service starts, outside production: every
 * service's migrations, the demo catalog, and on the first start (a database without cases)
 * twelve months of the demo city's history ending the working day before today, so dashboards
 * and the risk index have data and the cards due since then are raised live by the card scheduler
 * at its first sweep. With `history` false (`DEMO_HISTORY=off`) the catalog alone, as before.
 * Returns whether the services should seed (SEED_DEMO): never in production.
 */
export async function prepareDemoStart(
  o: {
    databaseUrl: string;
    /** Where the launcher marks a history write in progress ({@link DemoHistoryMarker}). */
    dataDir: string;
    production: boolean;
    history: boolean;
    secrets: Secrets;
    logger: Logger;
  },
  source: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  if (o.production) return false;
  // The complaints service's identity key, when set: the history's complainants are encrypted with it.
  const own = readEnv({ COMPLAINANT_KEY: env.string('') }, source);
  const started = Date.now();
  const marker = new DemoHistoryMarker(o.dataDir, o.databaseUrl);
  if (o.history) {
    const existing = await hasCases(o.databaseUrl);
    marker.assertNotInterrupted(existing);
    if (!existing) marker.mark('writing');
  }
  const history = await prepareDemoDatabase({
    url: o.databaseUrl,
    keys: new TokenService(o.secrets.tokenSecret, o.secrets.internalSecret),
    ...(own.COMPLAINANT_KEY ? { complainantKey: new Uint8Array(Buffer.from(own.COMPLAINANT_KEY, 'base64')) } : {}),
    history: o.history,
    roleKey: o.secrets.internalSecret,
    logger: o.logger,
    log: (m) => o.logger.info(m),
  });
  if (o.history) marker.mark('written');
  if (history)
    o.logger.info('demo history written', {
      from: history.window.from,
      cutOff: history.window.cutOff,
      cardsDueFrom: history.boundary,
      cases: history.counts['cases.case'],
      ms: Date.now() - started,
    });
  return true;
}
