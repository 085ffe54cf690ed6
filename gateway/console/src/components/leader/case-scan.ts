import { ref, type Ref } from 'vue';
import { ApiError, request } from '../../api/graphql-client';
import { LEADER_CASES, type CasePage, type LeaderCase } from '../../api/leader-queries';
import { session } from '../../session/session';

const SERVER_PAGE = 50;
/** Server pages read at most per "more" before showing what was found (a bound on one click's work). */
const MAX_PAGES = 10;

/**
 * The leader's cases that pass `keep`, read from the subtree's case connection (newest first) page
 * by page: the API filters by status and card, not by step, so the rest is filtered here, and
 * `more()` goes on from the cursor where the last read stopped.
 */
export function useCaseScan(
  filter: Record<string, unknown>,
  keep: (c: LeaderCase, unit: string) => boolean,
  want = 20,
): {
  rows: Ref<LeaderCase[]>;
  loading: Ref<boolean>;
  error: Ref<ApiError | undefined>;
  hasMore: Ref<boolean>;
  reload: () => Promise<void>;
  more: () => Promise<void>;
} {
  const rows = ref<LeaderCase[]>([]);
  const loading = ref(false);
  const error = ref<ApiError>();
  const hasMore = ref(false);
  let cursor: string | null = null;
  let generation = 0;

  async function more(): Promise<void> {
    const unit = session.account?.unit;
    if (!unit) return;
    const mine = generation;
    loading.value = true;
    error.value = undefined;
    try {
      let found = 0;
      for (let page = 0; page < MAX_PAGES && found < want; page++) {
        const answer: CasePage = await request<CasePage>(LEADER_CASES, {
          unit,
          filter,
          after: cursor,
          first: SERVER_PAGE,
        });
        if (mine !== generation) return;
        const connection = answer.unit.cases;
        if (!connection) throw new ApiError('FORBIDDEN');
        const kept = connection.edges.map((e) => e.node).filter((c) => keep(c, unit));
        rows.value = [...rows.value, ...kept];
        found += kept.length;
        cursor = connection.pageInfo.endCursor;
        hasMore.value = connection.pageInfo.hasNextPage;
        if (!hasMore.value) break;
      }
    } catch (e) {
      if (mine === generation) error.value = e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR');
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function reload(): Promise<void> {
    generation++;
    cursor = null;
    rows.value = [];
    hasMore.value = false;
    return more();
  }

  return { rows, loading, error, hasMore, reload, more };
}
