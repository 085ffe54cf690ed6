const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is `value` a UUID (any version)? Ids are checked with it before they reach SQL. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
