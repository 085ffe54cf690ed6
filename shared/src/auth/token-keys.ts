import { createHash } from 'node:crypto';

/**
 * The keys that sign and verify users' tokens, for rotation without a sign-out: the current key
 * signs and its id goes into each token's `kid`; the previous key, when there is one, is still
 * accepted, so tokens issued before a rotation stay valid until they expire. A token naming any
 * other kid, or none, is refused.
 *
 * A key's id is a fingerprint of its secret, so every process that holds the same secret names
 * it the same way, and configuring a key is configuring its secret alone.
 */
export class TokenKeys {
  readonly currentKid: string;
  private readonly byKid: ReadonlyMap<string, Uint8Array>;

  constructor(
    readonly current: Uint8Array,
    previous?: Uint8Array,
  ) {
    this.currentKid = TokenKeys.kidOf(current);
    const keys: [string, Uint8Array][] = [[this.currentKid, current]];
    if (previous) keys.push([TokenKeys.kidOf(previous), previous]);
    this.byKid = new Map(keys);
  }

  /** 16 base64url characters of SHA-256 over a domain tag and the secret (it reveals nothing of it). */
  static kidOf(secret: Uint8Array): string {
    return createHash('sha256').update('sunlight:token-kid:').update(secret).digest('base64url').slice(0, 16);
  }

  /** The ids of the active keys, current first. */
  get kids(): string[] {
    return [...this.byKid.keys()];
  }

  /** The secret for a kid, or undefined when the kid is not one of the active keys. */
  secretFor(kid: unknown): Uint8Array | undefined {
    return typeof kid === 'string' ? this.byKid.get(kid) : undefined;
  }
}
