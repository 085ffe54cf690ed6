import { RowScopeMigration } from '@sunlight/shared';

/**
 * Cases under row-level security: a connection sees only the cases of its caller's subtree. The
 * public reaches a case only through its lookup (number and query code), which reads with the
 * system scope and checks the code itself.
 */
export class CaseRowSecurity1766300000000 extends RowScopeMigration {
  name = 'CaseRowSecurity1766300000000';
  protected readonly table = '"case"';
}
