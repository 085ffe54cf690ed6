import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config-error';
import type { PlatformConfig } from '../config/platform-config';
import { TokenKeys } from './token-keys';

/** The signing keys: users' tokens (current and previous, for rotation) and the gateway's assertions to subgraphs. */
export interface Secrets {
  /** The current key for users' tokens: it signs. */
  tokenSecret: Uint8Array;
  /** The previous key for users' tokens, still accepted after a rotation until its tokens expire. */
  previousTokenSecret?: Uint8Array;
  internalSecret: Uint8Array;
}

/** What `DATA_DIR/secrets.json` holds (development). */
interface StoredSecrets {
  token: string;
  previousToken?: string;
  internal: string;
}

const MIN_LENGTH = 32;
const FILE = 'secrets.json';

/** The verifying key set of {@link Secrets}: the current key and the previous one. */
export function tokenKeysOf(secrets: Secrets): TokenKeys {
  return new TokenKeys(secrets.tokenSecret, secrets.previousTokenSecret);
}

/**
 * Loads the signing keys. In production both must be configured (at least 32 characters) or the
 * process refuses to start; `SUNLIGHT_TOKEN_SECRET_PREVIOUS` optionally keeps the key before the
 * last rotation accepted. Elsewhere missing keys are generated once into `DATA_DIR/secrets.json`
 * (mode 0600) and reused by every process that shares the directory; `rotateTokenSecret` rotates
 * them there.
 */
export function loadSecrets(config: PlatformConfig): Secrets {
  const configured = {
    token: config.tokenSecret,
    previousToken: config.previousTokenSecret,
    internal: config.internalSecret,
  };
  if (config.production) {
    const problems: string[] = [];
    for (const [name, value] of [
      ['SUNLIGHT_TOKEN_SECRET', configured.token],
      ['SUNLIGHT_INTERNAL_SECRET', configured.internal],
    ] as const) {
      if (!value) problems.push(`${name} is required when NODE_ENV=production`);
      else if (value.length < MIN_LENGTH) problems.push(`${name} must be at least ${MIN_LENGTH} characters`);
    }
    if (configured.previousToken !== undefined && configured.previousToken.length < MIN_LENGTH)
      problems.push(`SUNLIGHT_TOKEN_SECRET_PREVIOUS must be at least ${MIN_LENGTH} characters`);
    if (configured.token && configured.token === configured.internal)
      problems.push('SUNLIGHT_TOKEN_SECRET and SUNLIGHT_INTERNAL_SECRET must differ');
    if (problems.length > 0) throw new ConfigError(problems);
  }
  if (configured.previousToken && !configured.token)
    throw new ConfigError(['SUNLIGHT_TOKEN_SECRET_PREVIOUS needs SUNLIGHT_TOKEN_SECRET (the current key)']);
  const generated = configured.token && configured.internal ? undefined : readOrCreate(config.dataDir);
  const encode = (s: string) => new TextEncoder().encode(s);
  const previous = configured.token ? configured.previousToken : generated!.previousToken;
  return {
    tokenSecret: encode(configured.token ?? generated!.token),
    ...(previous ? { previousTokenSecret: encode(previous) } : {}),
    internalSecret: encode(configured.internal ?? generated!.internal),
  };
}

/**
 * Rotates the development token key in `DATA_DIR/secrets.json`: a fresh key becomes current and
 * the current one previous (the one before is dropped, and tokens it signed are refused). Written
 * to a temporary file and renamed, so a reader sees the old keys or the new ones. Processes that
 * verify tokens pick the new set up when they restart. Returns the new key set.
 */
export function rotateTokenSecret(dataDir: string): TokenKeys {
  const stored = readOrCreate(dataDir);
  const next: StoredSecrets = {
    token: randomBytes(32).toString('base64url'),
    previousToken: stored.token,
    internal: stored.internal,
  };
  const file = path.join(dataDir, FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(next), { mode: 0o600 });
  fs.renameSync(temporary, file);
  const encode = (s: string) => new TextEncoder().encode(s);
  return new TokenKeys(encode(next.token), encode(stored.token));
}

function readOrCreate(dataDir: string): StoredSecrets {
  const file = path.join(dataDir, FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  const fresh = { token: randomBytes(32).toString('base64url'), internal: randomBytes(32).toString('base64url') };
  try {
    // 'wx' fails if another process created it first; then everyone reads the same file.
    fs.writeFileSync(file, JSON.stringify(fresh), { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSecrets;
  }
}
