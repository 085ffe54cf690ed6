import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config-error';
import type { PlatformConfig } from '../config/platform-config';

/** The two signing keys: one for users' tokens, one for the gateway's assertions to subgraphs. */
export interface Secrets {
  tokenSecret: Uint8Array;
  internalSecret: Uint8Array;
}

const MIN_LENGTH = 32;

/**
 * Loads the signing keys. In production both must be configured (at least 32 characters) or the
 * process refuses to start. Elsewhere a missing key is generated once into `DATA_DIR/secrets.json`
 * (mode 0600) and reused by every process that shares the directory.
 */
export function loadSecrets(config: PlatformConfig): Secrets {
  const configured = { token: config.tokenSecret, internal: config.internalSecret };
  if (config.production) {
    const problems: string[] = [];
    for (const [name, value] of [
      ['SUNLIGHT_TOKEN_SECRET', configured.token],
      ['SUNLIGHT_INTERNAL_SECRET', configured.internal],
    ] as const) {
      if (!value) problems.push(`${name} is required when NODE_ENV=production`);
      else if (value.length < MIN_LENGTH) problems.push(`${name} must be at least ${MIN_LENGTH} characters`);
    }
    if (configured.token && configured.token === configured.internal)
      problems.push('SUNLIGHT_TOKEN_SECRET and SUNLIGHT_INTERNAL_SECRET must differ');
    if (problems.length > 0) throw new ConfigError(problems);
  }
  const generated = configured.token && configured.internal ? undefined : readOrCreate(config.dataDir);
  const encode = (s: string) => new TextEncoder().encode(s);
  return {
    tokenSecret: encode(configured.token ?? generated!.token),
    internalSecret: encode(configured.internal ?? generated!.internal),
  };
}

function readOrCreate(dataDir: string): { token: string; internal: string } {
  const file = path.join(dataDir, 'secrets.json');
  fs.mkdirSync(dataDir, { recursive: true });
  const fresh = { token: randomBytes(32).toString('base64url'), internal: randomBytes(32).toString('base64url') };
  try {
    // 'wx' fails if another process created it first; then everyone reads the same file.
    fs.writeFileSync(file, JSON.stringify(fresh), { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as { token: string; internal: string };
  }
}
