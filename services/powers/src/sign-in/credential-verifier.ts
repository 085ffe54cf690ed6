import type { DataSource } from 'typeorm';
import { passwordHash } from './password-hash';

/**
 * The step of signing in that proves who someone is. Today a password checked here; an external
 * identity provider (OIDC) replaces it by another implementation that checks the provider's ID
 * token and maps its subject to an account. Everything after it (disabled accounts, lockout,
 * access and refresh tokens) stays the same.
 */
export interface CredentialVerifier {
  /** True when `proof` proves `subject`; false for a wrong proof or an unknown subject. */
  verify(subject: string, proof: string): Promise<boolean>;
}

/** A dummy hash compared when the subject has no password, so a missing account costs the same time. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Passwords stored with scrypt in `account_credential`. */
export class PasswordVerifier implements CredentialVerifier {
  constructor(private readonly ds: DataSource) {}

  async verify(subject: string, password: string): Promise<boolean> {
    const rows: { password_hash: string }[] = await this.ds.query(
      'SELECT password_hash FROM account_credential WHERE subject = $1',
      [subject],
    );
    const stored = rows[0]?.password_hash;
    const ok = await passwordHash.verify(password, stored ?? DUMMY_HASH);
    return ok && stored !== undefined;
  }
}
