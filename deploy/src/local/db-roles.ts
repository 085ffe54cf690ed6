import { Client } from 'pg';
import {
  ConfigError,
  DATABASE_ROLE_HOLDERS,
  databaseRoleName,
  ensureDatabaseRoles,
  loadPlatformConfig,
  loadSecrets,
} from '@sunlight/shared';

const USAGE = 'usage: npm run -s db:roles -- --database-url postgres://<admin>:<password>@<host>:<port>/<database>';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * `npm run -s db:roles -- --database-url <url>`: creates (or repairs) the login role of every
 * service and of the gateway on an external PostgreSQL, with the passwords the processes derive
 * from the internal secret (`SUNLIGHT_INTERNAL_SECRET`, or the development key in DATA_DIR), and
 * sets those passwords again. Run it once per server with a user that may create roles, before
 * starting the services with a `DATABASE_URL` whose user owns their schemas but may not create
 * roles; each service then grants its own role its privileges when it starts (it has migrated).
 * The embedded server needs none of this: its services create the roles themselves.
 */
async function main(): Promise<void> {
  const url = arg('database-url') ?? process.env['DATABASE_URL'];
  if (!url) throw new Error(USAGE);
  const secrets = loadSecrets(loadPlatformConfig());
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await ensureDatabaseRoles(client, secrets.internalSecret, { setPasswords: true });
  } finally {
    await client.end();
  }
  for (const holder of DATABASE_ROLE_HOLDERS) process.stdout.write(`${databaseRoleName(holder)}: ready\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError || e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
