import { request } from '../../api/graphql-client';
import { CARDED_CASES, type CardedPage, type CardLevel } from '../../api/leader-queries';

const PAGE = 100;
/** Counting stops here (shown as "at least"): the case connection has no total, so pages are counted. */
export const CARD_COUNT_CAP = 2000;

/**
 * Cases of `unit`'s subtree filed in [from, to) whose highest card is `card`, counted through the
 * case connection's pages; `capped` when the count stopped at CARD_COUNT_CAP.
 */
export async function countCarded(
  unit: string,
  card: CardLevel,
  from: string,
  to: string,
): Promise<{ count: number; capped: boolean }> {
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const page: CardedPage = await request<CardedPage>(CARDED_CASES, {
      unit,
      filter: { card, from, to },
      after,
      first: PAGE,
    });
    const cases = page.unit.cases;
    if (!cases) return { count, capped: false };
    count += cases.edges.length;
    if (!cases.pageInfo.hasNextPage) return { count, capped: false };
    if (count >= CARD_COUNT_CAP) return { count, capped: true };
    after = cases.pageInfo.endCursor;
  }
}
