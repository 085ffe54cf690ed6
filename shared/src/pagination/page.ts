import { cursor } from './cursor';
import type { PageInfo } from './page-info';

/** One page of a keyset query: rows fetched with `LIMIT first + 1`. */
export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
}

/**
 * Turns `first + 1` rows into a page: the extra row only tells whether there is a next page.
 * `keyOf` gives a row's sort key, which becomes its cursor.
 */
export function toPage<T>(rows: T[], first: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: cursor.encode(keyOf(node)) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges[edges.length - 1]?.cursor ?? null } };
}
