import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * One Ed25519 key pair, by role (`cases-log`, `supervision`…). `id` names the public key: the
 * first 16 hex digits of SHA-256 of its 32 raw bytes, so a verifier can tell which key signed.
 */
export class SigningKey {
  readonly id: string;
  /** The 32 raw bytes of the public key, base64: what a verifier pins. */
  readonly publicKeyBase64: string;

  private constructor(
    readonly role: string,
    readonly publicKey: KeyObject,
    private readonly privateKey: KeyObject | undefined,
  ) {
    const raw = rawPublicKey(publicKey);
    this.publicKeyBase64 = raw.toString('base64');
    this.id = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  }

  /** A fresh key pair held only in memory (tests). */
  static generate(role: string): SigningKey {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return new SigningKey(role, publicKey, privateKey);
  }

  /**
   * The key pair in `file` (PKCS #8 PEM); when the file does not exist, a new pair is written there
   * (mode 0600, its directory 0700) first. Two processes starting together end with the same key:
   * the file is created exclusively and the loser reads the winner's.
   */
  static loadOrCreate(role: string, file: string): SigningKey {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (!fs.existsSync(file)) {
      const fresh = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
      try {
        fs.writeFileSync(file, fresh, { flag: 'wx', mode: 0o600 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    const privateKey = createPrivateKey(fs.readFileSync(file));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError(`${file} does not hold an Ed25519 key`);
    return new SigningKey(role, createPublicKey(privateKey), privateKey);
  }

  /** A verifier's copy: the public key only, from its 32 raw bytes in base64. */
  static publicOnly(role: string, publicKeyBase64: string): SigningKey {
    const raw = Buffer.from(publicKeyBase64, 'base64');
    if (raw.length !== 32) throw new TypeError(`an Ed25519 public key is 32 bytes, not ${raw.length}`);
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
    return new SigningKey(role, publicKey, undefined);
  }

  /** The Ed25519 signature of `message`, base64. @throws Error for a public-only key. */
  sign(message: string): string {
    if (!this.privateKey) throw new Error(`the ${this.role} key here is public only: it cannot sign`);
    return sign(null, Buffer.from(message, 'utf8'), this.privateKey).toString('base64');
  }

  /** True when `signatureBase64` is this key's Ed25519 signature of `message`. */
  verify(message: string, signatureBase64: string): boolean {
    const signature = Buffer.from(signatureBase64, 'base64');
    if (signature.length !== 64) return false;
    return verify(null, Buffer.from(message, 'utf8'), this.publicKey, signature);
  }
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new TypeError('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}
