/**
 * Arranges rows fetched for a DataLoader batch in key order, `null` where a key has no row, as
 * DataLoader requires.
 */
export function orderByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}
