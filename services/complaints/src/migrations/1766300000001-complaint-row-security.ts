import { RowScopeMigration } from '@sunlight/shared';

/**
 * Complaints under row-level security: a connection sees a complaint when its handler's unit or the
 * accused unit lies in its caller's subtree (the service then narrows it to inspectors of the
 * handler who are not accused). The complainant, who has no scope, files and follows up with the
 * system scope after the code check.
 */
export class ComplaintRowSecurity1766300000001 extends RowScopeMigration {
  name = 'ComplaintRowSecurity1766300000001';
  protected readonly table = 'complaint';
  protected override readonly columns = ['handler_unit', 'accused_unit'];
}
