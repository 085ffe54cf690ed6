import { RowScopeMigration } from '@sunlight/shared';

/**
 * Ratings (with their comments) under row-level security: a connection sees only the ratings of its
 * caller's subtree. Citizens and devices rate with the system scope (they have none), and the
 * satisfaction aggregates, public by design, are summed with it after the service's own check.
 */
export class RatingRowSecurity1766300000000 extends RowScopeMigration {
  name = 'RatingRowSecurity1766300000000';
  protected readonly table = 'rating';
}
