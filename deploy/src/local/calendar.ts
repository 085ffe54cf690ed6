import { userInfo } from 'node:os';
import { embeddedDatabaseUrl, loadPlatformConfig } from '@sunlight/shared';
import { Client } from 'pg';
import { describeCalendarError, parseCalendarCommand, runCalendarCommand } from './calendar-command';

/**
 * `npm run -s calendar -- load --file notice.json`: loads one year of the State Council's holiday
 * notice into the shared working calendar (see calendar-command.ts); `list` shows the loaded
 * years. Connects to `--database-url`, else DATABASE_URL, else the embedded server of `npm start`.
 * Exit status 2 on a refused notice, with one line per problem (code, field, message).
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const command = parseCalendarCommand(argv, userInfo().username);
  const i = argv.indexOf('--database-url');
  const url =
    (i >= 0 ? argv[i + 1] : undefined) ??
    process.env['DATABASE_URL'] ??
    embeddedDatabaseUrl(loadPlatformConfig().embeddedPgPort, 'sunlight');
  const client = new Client({ connectionString: url, application_name: 'sunlight-calendar' });
  await client.connect();
  try {
    for (const line of await runCalendarCommand(client, command)) process.stdout.write(`${line}\n`);
  } finally {
    await client.end();
  }
}

main().catch((e: unknown) => {
  for (const line of describeCalendarError(e)) process.stderr.write(`${line}\n`);
  process.exit(2);
});
