import { rowScopeDownSql, rowScopeSql } from './row-scope-sql';
import { SqlMigration } from './sql-migration';

/**
 * A migration that puts {@link table} under row-level security keyed by the caller's scope
 * ({@link rowScopeSql}: enabled, forced, one policy) and takes it off again on `down`. The table
 * must exist already (an earlier migration).
 */
export abstract class RowScopeMigration extends SqlMigration {
  /** The table, as {@link rowScopeSql} takes it (double-quoted when a keyword). */
  protected abstract readonly table: string;
  /** The 12-digit unit columns; a row is in scope when any of them is. */
  protected readonly columns: string | readonly string[] = 'unit_code';

  protected upSql(): string[] {
    return rowScopeSql(this.table, this.columns);
  }

  protected downSql(): string[] {
    return rowScopeDownSql(this.table);
  }
}
