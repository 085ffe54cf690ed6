import { RowScopeMigration } from '@sunlight/shared';

/**
 * Notices under row-level security, keyed by the unit they are addressed to: a connection sees
 * only the notices of its caller's subtree (an issuer addresses only units of its own subtree).
 */
export class NoticeRowSecurity1766300000000 extends RowScopeMigration {
  name = 'NoticeRowSecurity1766300000000';
  protected readonly table = 'notice';
}
