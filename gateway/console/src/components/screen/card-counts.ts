import { request } from '../../api/graphql-client';
import { CARD_ALERTS, type AlertLevel, type AlertPage } from '../../api/screen-queries';

const PAGE = 100;
/** Counting stops here (shown as "at least"): the alert connection has no total, so pages are counted. */
export const CARD_CAP = 1000;

export interface CardCounts {
  REMINDER: number;
  YELLOW: number;
  RED: number;
  capped: boolean;
}

/** Cards (CARD alerts) raised in the unit's subtree in [from, to), by level, counted through pages. */
export async function countCards(unit: string, from: string, to: string): Promise<CardCounts> {
  const counts: CardCounts = { REMINDER: 0, YELLOW: 0, RED: 0, capped: false };
  let after: string | null = null;
  let seen = 0;
  for (;;) {
    const page: AlertPage<{ id: string; level: AlertLevel }> = await request(CARD_ALERTS, {
      filter: { unit, kinds: ['CARD'], from, to },
      first: PAGE,
      after,
    });
    for (const e of page.alerts.edges) counts[e.node.level] += 1;
    seen += page.alerts.edges.length;
    if (!page.alerts.pageInfo.hasNextPage) return counts;
    if (seen >= CARD_CAP) return { ...counts, capped: true };
    after = page.alerts.pageInfo.endCursor;
  }
}
