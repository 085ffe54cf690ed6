import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { DATABASE_ROLE_HOLDERS, databaseRoleName, databaseRolePassword } from '@sunlight/shared';

/** The keys every process reads from the `sunlight-keys` Secret (README: "Configuration"). */
export const KEY_NAMES = [
  'SUNLIGHT_TOKEN_SECRET',
  'SUNLIGHT_TOKEN_SECRET_PREVIOUS',
  'SUNLIGHT_INTERNAL_SECRET',
  'COMPLAINANT_KEY',
] as const;

/** The Ed25519 key files of the trace checkpoints (`DATA_DIR/keys`, see checkpoint-keys.ts). */
export const CHECKPOINT_KEY_FILES = [
  'cases-log.ed25519.pem',
  'complaints-log.ed25519.pem',
  'supervision.ed25519.pem',
] as const;

/** The env file of a database role's password Secret (`kubernetes.io/basic-auth`, as CloudNativePG wants). */
export function roleEnvFile(holder: (typeof DATABASE_ROLE_HOLDERS)[number]): string {
  return `db-${holder}.env`;
}

/** Parses `KEY=value` lines (kustomize's `envs` format: no quotes, `#` comments, blank lines). */
export function parseEnvFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw new Error(`not KEY=value: "${trimmed}"`);
    out.set(trimmed.slice(0, eq), trimmed.slice(eq + 1));
  }
  return out;
}

function envText(entries: [string, string][]): string {
  return entries.map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
}

/**
 * The files of `deploy/k8s/base/secrets/` the kustomization's secretGenerator reads, from what is
 * there already (`existing`, by file name) and the environment: `keys.env` is kept when present,
 * else made from `SUNLIGHT_*` / `COMPLAINANT_KEY` in `env` or fresh random keys; each role's
 * password is derived from the internal secret in it (so after rotating that secret the role
 * files follow); the checkpoint keys are generated once and then kept. Returns only the files to
 * write (new or changed).
 */
export function secretFiles(existing: ReadonlyMap<string, string>, env: NodeJS.ProcessEnv): Map<string, string> {
  const out = new Map<string, string>();
  let keysText = existing.get('keys.env');
  if (keysText === undefined) {
    const pick = (name: string, fresh: () => string) => env[name] || fresh();
    keysText = envText([
      ['SUNLIGHT_TOKEN_SECRET', pick('SUNLIGHT_TOKEN_SECRET', () => randomBytes(32).toString('base64url'))],
      ['SUNLIGHT_TOKEN_SECRET_PREVIOUS', env['SUNLIGHT_TOKEN_SECRET_PREVIOUS'] ?? ''],
      ['SUNLIGHT_INTERNAL_SECRET', pick('SUNLIGHT_INTERNAL_SECRET', () => randomBytes(32).toString('base64url'))],
      ['COMPLAINANT_KEY', pick('COMPLAINANT_KEY', () => randomBytes(32).toString('base64'))],
    ]);
    out.set('keys.env', keysText);
  }
  const keys = parseEnvFile(keysText);
  const missing = KEY_NAMES.filter((k) => !keys.has(k));
  if (missing.length > 0) throw new Error(`keys.env lacks ${missing.join(', ')}`);
  const internal = new TextEncoder().encode(keys.get('SUNLIGHT_INTERNAL_SECRET')!);
  for (const holder of DATABASE_ROLE_HOLDERS) {
    const role = databaseRoleName(holder);
    const text = envText([
      ['username', role],
      ['password', databaseRolePassword(internal, role)],
    ]);
    if (existing.get(roleEnvFile(holder)) !== text) out.set(roleEnvFile(holder), text);
  }
  for (const file of CHECKPOINT_KEY_FILES) {
    if (existing.has(file)) continue;
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
    out.set(file, pem.toString());
  }
  return out;
}
