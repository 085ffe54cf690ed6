import { unitCode } from '@sunlight/shared';
import type { ExecutionResult } from 'graphql';
import type { ChangeFeed } from '../read-cache/change-feed';
import { AsyncQueue } from './async-queue';

export interface DashboardUpdatesOptions {
  /** The subscribed unit's code. */
  unit: string;
  /** Runs the rewritten `unit(code)` query as the subscriber, asking for fresh figures. */
  run: () => Promise<ExecutionResult>;
  changes: ChangeFeed;
  /** The key the Unit is delivered under (the subscription field's alias or name). */
  responseKey: string;
  /** Quiet time after a change before rerunning, so a burst of commits costs one rerun. */
  debounceMs?: number;
  /** Rerun at least this often (figures that depend on peers change without a change in scope). */
  heartbeatMs?: number;
  /** Aborted when the server closes: the loop ends at once, with no further run. */
  signal: AbortSignal;
}

/**
 * A live screen's figures: the first answer, then a new one each time a committed change inside
 * the unit's subtree (or an unknown one) changes what the subscriber's selection returns.
 * Identical answers are not pushed again. Each answer is the subscriber's own query, so scope
 * rules apply to every delivery exactly as to a query.
 *
 * Ending it (`return()`, which graphql-ws calls when the subscriber completes the subscription)
 * ends it at once: an async generator waiting for its next change would otherwise take the
 * `return()` only at its next `yield`, which for an unchanged answer may never come. Until then
 * graphql-ws counts the subscription as active, so a screen that moves from unit to unit reached
 * the per-connection limit and its new subscriptions were refused (seen as a 3 s freshness).
 */
export function dashboardUpdates(first: ExecutionResult, o: DashboardUpdatesOptions): AsyncGenerator<ExecutionResult> {
  const wakes = new AsyncQueue<true>();
  const loop = updateLoop(first, o, wakes);
  const end = loop.return.bind(loop);
  return Object.assign(loop, {
    return: (value?: unknown) => {
      wakes.close(); // the waiting `for await` ends, so the generator reaches its `finally`
      return end(value as never);
    },
  });
}

async function* updateLoop(
  first: ExecutionResult,
  o: DashboardUpdatesOptions,
  wakes: AsyncQueue<true>,
): AsyncGenerator<ExecutionResult> {
  const prefix = unitCode.prefixOf(o.unit);
  let queued = false; // one rerun waiting is enough, however many changes came
  const rerun = () => {
    if (queued) return;
    queued = true;
    wakes.push(true);
  };
  let timer: NodeJS.Timeout | undefined;
  const wake = () => {
    clearTimeout(timer);
    timer = setTimeout(rerun, o.debounceMs ?? 200).unref();
  };
  const unsubscribe = o.changes.subscribe((unit) => {
    if (unit === null || unit.startsWith(prefix)) wake();
  });
  const heartbeat = setInterval(rerun, o.heartbeatMs ?? 15_000).unref();
  const stop = () => {
    clearTimeout(timer);
    clearInterval(heartbeat);
    unsubscribe();
    wakes.close(); // ends the loop below, even while it waits for a change
  };
  o.signal.addEventListener('abort', stop, { once: true });
  const deliver = (r: ExecutionResult): ExecutionResult => ({
    data: { [o.responseKey]: (r.data as { unit?: unknown } | null | undefined)?.unit ?? null },
    ...(r.errors ? { errors: r.errors } : {}),
  });
  let last = JSON.stringify(first.data ?? null);
  try {
    yield deliver(first);
    for await (const _ of wakes) {
      queued = false;
      if (o.signal.aborted) break;
      const r = await o.run();
      if (o.signal.aborted || wakes.isClosed) break; // ended while it ran: nobody takes the answer
      const printed = JSON.stringify(r.data ?? null);
      if (printed === last) continue;
      last = printed;
      yield deliver(r);
    }
  } finally {
    o.signal.removeEventListener('abort', stop);
    stop();
  }
}
