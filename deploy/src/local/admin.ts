import { AppError, ConfigError, embeddedDatabaseUrl, loadPlatformConfig } from '@sunlight/shared';
import { generatePassword, parseAdminCommand, runAdminCreate } from './admin-command';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * `npm run -s admin -- create --unit CODE --subject S --name N`: the first ADMIN of a unit, for a
 * production database where nothing is seeded. The password is read from stdin
 * (`--password-stdin`) or SUNLIGHT_ADMIN_PASSWORD, else generated and printed once. Connects to
 * `--database-url`, else DATABASE_URL, else the embedded server of `npm start`.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const command = parseAdminCommand(argv, process.env);
  const i = argv.indexOf('--database-url');
  const url =
    (i >= 0 ? argv[i + 1] : undefined) ??
    process.env['DATABASE_URL'] ??
    embeddedDatabaseUrl(loadPlatformConfig().embeddedPgPort, 'sunlight');
  const password =
    command.password === 'stdin'
      ? await readStdin()
      : command.password === 'env'
        ? process.env['SUNLIGHT_ADMIN_PASSWORD']!
        : generatePassword();
  await runAdminCreate(url, command, password);
  process.stdout.write(`created ADMIN ${command.subject} at unit ${command.unit}\n`);
  if (command.password === 'generate')
    process.stdout.write(
      `one-time password (shown once; change it after signing in with changeMyPassword): ${password}\n`,
    );
}

main().catch((e: unknown) => {
  const message =
    e instanceof AppError
      ? `${e.code}: ${e.message}${e.field ? ` (${e.field})` : ''}`
      : e instanceof ConfigError || e instanceof Error
        ? e.message
        : String(e);
  process.stderr.write(`${message}\n`);
  process.exit(2);
});
