import { env, readEnv, TokenService, type Logger, type Secrets } from '@sunlight/shared';
import { prepareDemoDatabase } from '../generate/demo-database';

/**
 * What `npm start` does to the database before any service starts, outside production: every
 * service's migrations, the demo catalog, and on the first start (a database without cases)
 * twelve months of the demo city's history ending the working day before today, so dashboards
 * and the risk index have data and the cards due since then are raised live by the card scheduler
 * at its first sweep. With `history` false (`DEMO_HISTORY=off`) the catalog alone, as before.
 * Returns whether the services should seed (SEED_DEMO): never in production.
 */
export async function prepareDemoStart(
  o: { databaseUrl: string; production: boolean; history: boolean; secrets: Secrets; logger: Logger },
  source: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  if (o.production) return false;
  // The complaints service's identity key, when set: the history's complainants are encrypted with it.
  const own = readEnv({ COMPLAINANT_KEY: env.string('') }, source);
  const started = Date.now();
  const history = await prepareDemoDatabase({
    url: o.databaseUrl,
    keys: new TokenService(o.secrets.tokenSecret, o.secrets.internalSecret),
    ...(own.COMPLAINANT_KEY ? { complainantKey: new Uint8Array(Buffer.from(own.COMPLAINANT_KEY, 'base64')) } : {}),
    history: o.history,
    roleKey: o.secrets.internalSecret,
    logger: o.logger,
    log: (m) => o.logger.info(m),
  });
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
