import { RowScopeMigration } from '@sunlight/shared';

/** Alerts under row-level security: a connection sees only the alerts of its caller's subtree. */
export class AlertRowSecurity1766300000000 extends RowScopeMigration {
  name = 'AlertRowSecurity1766300000000';
  protected readonly table = 'alert';
}
