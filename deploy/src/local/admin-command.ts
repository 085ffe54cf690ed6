import { randomBytes } from 'node:crypto';
import { powersSubgraph, writeAccount } from '@sunlight/powers';
import { createServiceDataSource, migrate, Role, unitCode } from '@sunlight/shared';

export const ADMIN_USAGE =
  'usage: npm run -s admin -- create --unit <12-digit code> --subject <login name> --name <姓名> [--unit-name <单位名称>] [--password-stdin] [--database-url <url>]';

/** `admin create`: the first ADMIN of a unit (production seeds no accounts). */
export interface AdminCreateCommand {
  unit: string;
  subject: string;
  name: string;
  /** Creates the unit as a root of the tree when it does not exist yet. */
  unitName?: string;
  /** Where the password comes from: stdin, SUNLIGHT_ADMIN_PASSWORD, or generated and printed once. */
  password: 'stdin' | 'env' | 'generate';
}

export function parseAdminCommand(argv: readonly string[], env: NodeJS.ProcessEnv): AdminCreateCommand {
  if (argv[0] !== 'create') throw new Error(ADMIN_USAGE);
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value\n${ADMIN_USAGE}`);
    return value;
  };
  const unit = arg('unit');
  const subject = arg('subject');
  const name = arg('name');
  if (!unit || !subject || !name) throw new Error(ADMIN_USAGE);
  if (!unitCode.isValid(unit)) throw new Error(`--unit must be a 12-digit division code, not "${unit}"`);
  const unitName = arg('unit-name');
  return {
    unit,
    subject,
    name,
    ...(unitName ? { unitName } : {}),
    password: argv.includes('--password-stdin') ? 'stdin' : env['SUNLIGHT_ADMIN_PASSWORD'] ? 'env' : 'generate',
  };
}

/** A one-time password: 16 characters of letters and digits (about 95 bits), with at least one digit. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  for (;;) {
    const bytes = randomBytes(16);
    const password = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    if (/\d/.test(password) && /[A-Za-z]/.test(password)) return password;
  }
}

/**
 * Migrates the powers schema at `url` (as the service would), creates the unit when asked and
 * missing, then the ADMIN account with its password, in one transaction. Refuses a subject that
 * exists (SUBJECT_TAKEN) and a missing unit without `--unit-name`.
 */
export async function runAdminCreate(url: string, command: AdminCreateCommand, password: string): Promise<void> {
  const ds = createServiceDataSource({
    url,
    schema: powersSubgraph.name,
    entities: powersSubgraph.entities,
    migrations: powersSubgraph.migrations,
    poolSize: 2, // migrate holds one connection for its lock while migrations run on another
  });
  await ds.initialize();
  try {
    await migrate(ds, powersSubgraph.name);
    await ds.transaction(async (em) => {
      const units: unknown[] = await em.query('SELECT 1 FROM unit WHERE code = $1', [command.unit]);
      if (units.length === 0) {
        if (!command.unitName)
          throw new Error(`unit ${command.unit} does not exist: give --unit-name to create it as a root unit`);
        const parent = unitCode.parentOf(command.unit);
        const parents: unknown[] = parent ? await em.query('SELECT 1 FROM unit WHERE code = $1', [parent]) : [];
        await em.query('INSERT INTO unit (code, name, tier, parent_code) VALUES ($1, $2, $3, $4)', [
          command.unit,
          command.unitName,
          unitCode.tierOf(command.unit),
          parents.length > 0 ? parent : null,
        ]);
      }
      await writeAccount(em, {
        subject: command.subject,
        name: command.name,
        role: Role.ADMIN,
        unitCode: command.unit,
        password,
      });
    });
  } finally {
    await ds.destroy();
  }
}
