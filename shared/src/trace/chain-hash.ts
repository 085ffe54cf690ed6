import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256-hex';

/** The `previousHash` of the first link of every chain: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of one chain link: hex SHA-256 of `${previousHash}\n${canonicalJson(event)}`. Changing
 * any field of the event, or any earlier link (through `previousHash`), changes it.
 */
export function chainHash(previousHash: string, event: unknown): string {
  return sha256Hex(`${previousHash}\n${canonicalJson(event)}`);
}
