import { findDemoAccount, generateDemoData } from '@sunlight/powers';
import { ConfigError, loadPlatformConfig, loadSecrets, PERSON_ROLES, type Role, TokenService } from '@sunlight/shared';

const USAGE =
  'usage: npm run -s token -- --role <CLERK|LEADER|INSPECTOR|ADMIN> --unit <12-digit unit code> [--ttl <seconds>]';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * `npm run -s token -- --role INSPECTOR --unit 139901000000` prints only a token for the demo
 * account of that role at that unit, signed with the key in DATA_DIR (the one `npm start` uses).
 */
async function main(): Promise<void> {
  const role = arg('role')?.toUpperCase() as Role | undefined;
  const unit = arg('unit');
  if (!role || !unit || !(PERSON_ROLES as readonly string[]).includes(role)) throw new Error(USAGE);
  const account = findDemoAccount(generateDemoData(), role as Role, unit);
  if (!account)
    throw new Error(
      `no demo ${role} at unit ${unit}; demo units are 139900000000 (city), 139901000000 (a county), 139901001000 (a township), 139901001001 (a village)`,
    );
  const platform = loadPlatformConfig();
  const secrets = loadSecrets(platform);
  const ttl = arg('ttl') ? Number(arg('ttl')) : platform.tokenTtlSeconds;
  if (!Number.isInteger(ttl) || ttl < 1) throw new Error('--ttl must be a whole number of seconds');
  const tokens = new TokenService(secrets.tokenSecret, secrets.internalSecret);
  const token = await tokens.issue(
    {
      subject: account.subject,
      role: account.role,
      unit: account.unitCode,
      ...(account.departmentId ? { department: account.departmentId } : {}),
      name: account.name,
    },
    ttl,
  );
  process.stdout.write(`${token}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError || e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
