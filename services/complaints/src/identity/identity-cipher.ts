import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A complainant's protected identity: who they are and how to reach them. */
export interface ProtectedIdentity {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FIELDS = ['name', 'phone', 'email', 'address'] as const;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Encrypts a complainant's protected identity at rest with AES-256-GCM.
 *
 * A token reads `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts, a fresh random 12-byte
 * IV each time, a 16-byte tag). The GCM additional data is `v1.<keyId>.<associatedData>`, so
 * the header is authenticated too and a token copied onto another record (another
 * `associatedData`, e.g. another complaint id) fails to decrypt.
 *
 * Errors name what was wrong with the token, never its contents; nothing is logged.
 */
export class IdentityCipher {
  private readonly key: Buffer;

  constructor(
    key: Uint8Array,
    readonly keyId = 'k1',
  ) {
    if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
      throw new Error(`identity cipher key must be ${KEY_BYTES} bytes`);
    }
    if (!KEY_ID.test(keyId)) throw new Error('identity cipher key id must be 1-32 characters of A-Z, a-z, 0-9, _ or -');
    this.key = Buffer.from(key); // a copy: later changes to the caller's array do not reach us
  }

  /** `iv` is for generated data only, drawn from its seed; otherwise every token gets a fresh random one. */
  encrypt(plain: ProtectedIdentity, associatedData: string, iv: Buffer = randomBytes(IV_BYTES)): string {
    if (iv.length !== IV_BYTES) throw new Error(`identity cipher iv must be ${IV_BYTES} bytes`);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(this.aad(associatedData));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(pick(plain)), 'utf8'), cipher.final()]);
    const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'));
    return [VERSION, this.keyId, ...parts].join('.');
  }

  decrypt(token: string, associatedData: string): ProtectedIdentity {
    const aad = this.aad(associatedData);
    if (typeof token !== 'string') throw new Error('identity token is malformed: not a string');
    const parts = token.split('.');
    if (parts.length !== 5) throw new Error('identity token is malformed: expected 5 dot-separated parts');
    const [version, keyId, ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
    if (version !== VERSION) throw new Error(`identity token has unsupported version "${version.slice(0, 8)}"`);
    if (keyId !== this.keyId)
      throw new Error(`identity token was encrypted with key "${keyId.slice(0, 32)}", not "${this.keyId}"`);
    const iv = decodePart(ivText, 'iv', IV_BYTES);
    const ciphertext = decodePart(ciphertextText, 'ciphertext');
    const tag = decodePart(tagText, 'tag', TAG_BYTES);
    if (ciphertext.length === 0) throw new Error('identity token is malformed: empty ciphertext');

    let json: string;
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      json = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('identity token failed authentication: it was altered, or belongs to another record or key');
    }
    return parseIdentity(json);
  }

  private aad(associatedData: string): Buffer {
    if (typeof associatedData !== 'string' || associatedData.length === 0) {
      throw new Error('identity cipher needs non-empty associated data (e.g. the complaint id)');
    }
    return Buffer.from(`${VERSION}.${this.keyId}.${associatedData}`, 'utf8');
  }
}

/**
 * Only the known fields, in a fixed order; anything else on the input is not stored, and a
 * null (an omitted GraphQL input) is stored as absent.
 */
function pick(plain: ProtectedIdentity): ProtectedIdentity {
  const out: ProtectedIdentity = {};
  for (const field of FIELDS) {
    const value: unknown = plain[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new Error(`identity field ${field} must be a string`);
    out[field] = value;
  }
  return out;
}

function decodePart(text: string, part: string, bytes?: number): Buffer {
  // Buffer.from(…, 'base64url') skips characters it does not know; insist on a canonical part.
  const decoded = Buffer.from(text, 'base64url');
  if (!BASE64URL.test(text) || decoded.toString('base64url') !== text) {
    throw new Error(`identity token is malformed: ${part} is not base64url`);
  }
  if (bytes !== undefined && decoded.length !== bytes) {
    throw new Error(`identity token is malformed: ${part} must be ${bytes} bytes`);
  }
  return decoded;
}

// Authenticated, so only a bug of ours could get here; the message still never echoes the text.
function parseIdentity(json: string): ProtectedIdentity {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('identity token decrypted to something that is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('identity token decrypted to something that is not an object');
  }
  const record = value as Record<string, unknown>;
  const out: ProtectedIdentity = {};
  for (const [field, v] of Object.entries(record)) {
    if (!(FIELDS as readonly string[]).includes(field) || typeof v !== 'string') {
      throw new Error('identity token decrypted to an object with unexpected fields');
    }
    out[field as (typeof FIELDS)[number]] = v;
  }
  return out;
}
