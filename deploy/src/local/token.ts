import { demoPrincipal, generateDemoData } from '@sunlight/powers';
import { ConfigError, loadPlatformConfig, loadSecrets, PERSON_ROLES, type Role, TokenService } from '@sunlight/shared';

const USAGE =
  'usage: npm run -s token -- --role <CLERK|LEADER|INSPECTOR|ADMIN> --unit <12-digit unit code> [--department <code, e.g. CZS>] [--post <code, e.g. SH>] [--ttl <seconds>]';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value\n${USAGE}`);
  return value;
}

/**
 * `npm run -s token -- --role INSPECTOR --unit 139901000000` prints only a token for the demo
 * account of that role at that unit, signed with the key in DATA_DIR (the one `npm start` uses).
 * `--department CZS` picks the clerk of that department (default: the service window) and
 * `--post SH` puts that post of the clerk's department in the token; both are checked against
 * the demo data and a wrong one is refused with the unit's departments or posts listed.
 */
async function main(): Promise<void> {
  const role = arg('role')?.toUpperCase() as Role | undefined;
  const unit = arg('unit');
  if (!role || !unit || !(PERSON_ROLES as readonly string[]).includes(role)) throw new Error(USAGE);
  const department = arg('department');
  const post = arg('post');
  const { principal } = demoPrincipal(generateDemoData(), {
    role: role as Role,
    unit,
    ...(department !== undefined ? { department } : {}),
    ...(post !== undefined ? { post } : {}),
  });
  const platform = loadPlatformConfig();
  const secrets = loadSecrets(platform);
  const ttl = arg('ttl') ? Number(arg('ttl')) : platform.tokenTtlSeconds;
  if (!Number.isInteger(ttl) || ttl < 1) throw new Error('--ttl must be a whole number of seconds');
  const tokens = new TokenService(secrets.tokenSecret, secrets.internalSecret);
  const token = await tokens.issue(principal, ttl);
  process.stdout.write(`${token}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError || e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
