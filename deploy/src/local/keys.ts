import { ConfigError, loadPlatformConfig, loadSecrets, rotateTokenSecret, tokenKeysOf } from '@sunlight/shared';

const USAGE = 'usage: npm run -s keys -- <list|rotate>';

/**
 * The development token keys in DATA_DIR (README: "Security model"):
 * `list` prints the active key ids, current first; `rotate` makes a fresh key current and keeps
 * the current one as previous (tokens of the key before are refused from then on). Restart the
 * gateway afterwards: it reads its keys at start. Production keys live in the environment
 * (SUNLIGHT_TOKEN_SECRET, SUNLIGHT_TOKEN_SECRET_PREVIOUS) and are rotated there.
 */
function main(): void {
  const command = process.argv[2];
  const platform = loadPlatformConfig();
  if (command === 'list') {
    process.stdout.write(`${tokenKeysOf(loadSecrets(platform)).kids.join('\n')}\n`);
    return;
  }
  if (command !== 'rotate') throw new Error(USAGE);
  if (platform.tokenSecret)
    throw new Error(
      'SUNLIGHT_TOKEN_SECRET is set: rotate in the environment (new key in SUNLIGHT_TOKEN_SECRET, the old one in SUNLIGHT_TOKEN_SECRET_PREVIOUS)',
    );
  const keys = rotateTokenSecret(platform.dataDir);
  process.stdout.write(`current ${keys.kids[0]}\nprevious ${keys.kids[1]}\nrestart the gateway to use them\n`);
}

try {
  main();
} catch (e: unknown) {
  process.stderr.write(`${e instanceof ConfigError || e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
