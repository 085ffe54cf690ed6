const IDENTIFIER = /^(?:[a-z_]+|"[a-z_]+")$/;

/**
 * Checks that `name` is safe to splice into SQL as a table or column name: lower-case letters and
 * underscores, optionally wrapped in double quotes (for a reserved word such as `"case"`).
 * Returns it unchanged.
 * @throws TypeError for anything else, before any SQL is produced.
 */
export function sqlIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name))
    throw new TypeError(
      `${what} must be a lower-case SQL identifier, optionally double-quoted; got ${JSON.stringify(name)}`,
    );
  return name;
}
