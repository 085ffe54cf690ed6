import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** How long a refresh token may be used (each use rotates it). */
export const REFRESH_TTL_MS = 12 * 3600_000;

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/** A refresh token as `<id>.<secret>`; only the SHA-256 of the secret is stored. */
export const refreshTokens = {
  async issue(
    em: EntityManager,
    subject: string,
    familyId: string,
    now: Date,
  ): Promise<{ token: string; expiresAt: Date }> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + REFRESH_TTL_MS);
    await em.query(
      'INSERT INTO refresh_token (id, family_id, subject, secret_hash, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, familyId, subject, sha256(secret), now, expiresAt],
    );
    return { token: `${id}.${secret}`, expiresAt };
  },

  /** The stored row of a presented token (locked for update), or undefined when it is not one of ours. */
  async find(
    em: EntityManager,
    token: string,
  ): Promise<
    | {
        id: string;
        family_id: string;
        subject: string;
        expires_at: Date;
        used_at: Date | null;
        revoked_at: Date | null;
      }
    | undefined
  > {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return undefined;
    const rows: {
      id: string;
      family_id: string;
      subject: string;
      secret_hash: Buffer;
      expires_at: Date;
      used_at: Date | null;
      revoked_at: Date | null;
    }[] = await em.query('SELECT * FROM refresh_token WHERE id = $1 FOR UPDATE', [match[1]]);
    const row = rows[0];
    if (!row || !timingSafeEqual(row.secret_hash, sha256(match[2]!))) return undefined;
    return row;
  },

  async revokeFamily(em: EntityManager, familyId: string, now: Date): Promise<void> {
    await em.query('UPDATE refresh_token SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [
      familyId,
      now,
    ]);
  },

  async revokeSubject(em: EntityManager, subject: string, now: Date): Promise<void> {
    await em.query('UPDATE refresh_token SET revoked_at = $2 WHERE subject = $1 AND revoked_at IS NULL', [
      subject,
      now,
    ]);
  },

  newFamily: (): string => randomUUID(),
};
