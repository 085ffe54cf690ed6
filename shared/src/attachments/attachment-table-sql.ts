import { appendOnlySql } from '../trace/append-only-sql';

/**
 * The statements that create the append-only `attachment` table `attachmentStore` writes to, in
 * the current search path (a service's own schema, inside its migration): the same table,
 * `refuse_change()` triggers and REVOKE the cases migration created. Run them in order from `up`;
 * `down` is `DROP TABLE attachment`, then `DROP FUNCTION refuse_change()` once no other
 * append-only table uses it.
 */
export function attachmentTableSql(): string[] {
  return [
    `
      CREATE TABLE attachment (
        sha256 char(64) PRIMARY KEY,
        content bytea NOT NULL,
        size int NOT NULL,
        media_type text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    ...appendOnlySql('attachment'),
  ];
}
