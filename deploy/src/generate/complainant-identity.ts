import { createCipheriv } from 'node:crypto';

/** A named complainant's protected identity (the complaints service's ProtectedIdentity). */
export interface ComplainantIdentity {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
}

const FIELDS = ['name', 'phone', 'email', 'address'] as const;

/**
 * Encrypts an identity exactly as the complaints service's IdentityCipher does (AES-256-GCM,
 * `v1.<keyId>.<iv>.<ciphertext>.<tag>`, additional data `v1.<keyId>.<complaintId>`), so the running
 * service decrypts it with the same key; only the IV comes from the generator's stream, not
 * from a random source, to keep the data deterministic.
 */
export function encryptIdentity(key: Uint8Array, identity: ComplainantIdentity, complaintId: string, iv: Buffer, keyId = 'k1'): string {
  if (key.length !== 32) throw new Error('the complainant identity key must be 32 bytes');
  const plain: ComplainantIdentity = {};
  for (const f of FIELDS) if (identity[f] !== undefined) plain[f] = identity[f];
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(`v1.${keyId}.${complaintId}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
  return ['v1', keyId, ...[iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'))].join('.');
}
