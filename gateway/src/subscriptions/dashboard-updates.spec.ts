import type { ExecutionResult } from 'graphql';
import { ChangeFeed } from '../read-cache/change-feed';
import { ScopeChangeClock } from '../read-cache/change-clock';
import { dashboardUpdates } from './dashboard-updates';

const TOWNSHIP = '139901001000';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined } as never;

const feeds: ChangeFeed[] = [];
afterEach(() => Promise.all(feeds.splice(0).map((f) => f.stop())));

/** A change feed with no database: changes are told to it with `heard`, as the alert feed does. */
function changeFeed() {
  const feed = new ChangeFeed(new ScopeChangeClock(), { sources: [], settleMs: 60_000, logger: silent });
  feeds.push(feed);
  const listeners = (feed as unknown as { listeners: Set<unknown> }).listeners;
  return { feed, listeners };
}

function updates(feed: ChangeFeed, run: () => Promise<ExecutionResult>) {
  const closing = new AbortController();
  const first: ExecutionResult = { data: { unit: { code: TOWNSHIP, filed: 1 } } };
  const it = dashboardUpdates(first, {
    unit: TOWNSHIP,
    run,
    changes: feed,
    responseKey: 'dashboardUpdated',
    debounceMs: 1,
    heartbeatMs: 60_000,
    signal: closing.signal,
  });
  return { it, closing };
}

async function within(p: Promise<unknown>, ms: number): Promise<'ended' | 'still waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still waiting'>((r) => (timer = setTimeout(() => r('still waiting'), ms)));
  try {
    return await Promise.race([p.then(() => 'ended' as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('dashboardUpdates', () => {
  it('pushes a changed answer after a change in the subtree, and not an identical one', async () => {
    const { feed } = changeFeed();
    let filed = 1;
    const { it, closing } = updates(feed, async () => ({ data: { unit: { code: TOWNSHIP, filed } } }));
    expect((await it.next()).value).toEqual({ data: { dashboardUpdated: { code: TOWNSHIP, filed: 1 } } });
    const next = it.next();
    feed.heard(TOWNSHIP); // same answer: nothing is pushed
    await new Promise((r) => setTimeout(r, 20));
    filed = 2;
    feed.heard('139901001001'); // a village below: rerun, a new answer
    expect((await next).value).toEqual({ data: { dashboardUpdated: { code: TOWNSHIP, filed: 2 } } });
    closing.abort();
    expect((await it.next()).done).toBe(true);
  });

  it('ends at once when the subscriber completes while no change comes, and stops listening (it used to wait for the next differing answer)', async () => {
    const { feed, listeners } = changeFeed();
    let runs = 0;
    const { it } = updates(feed, async () => {
      runs += 1;
      return { data: { unit: { code: TOWNSHIP, filed: 1 } } };
    });
    await it.next(); // the first answer
    const waiting = it.next(); // waits for a change that never comes
    await new Promise((r) => setImmediate(r));
    expect(listeners.size).toBe(1);
    expect(await within(it.return(undefined), 1000)).toBe('ended');
    expect((await waiting).done).toBe(true);
    expect(listeners.size).toBe(0);
    feed.heard(TOWNSHIP);
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(0);
  });

  it('delivers nothing after the subscriber completes during a rerun', async () => {
    const { feed } = changeFeed();
    let release!: () => void;
    const { it } = updates(
      feed,
      () =>
        new Promise<ExecutionResult>((resolve) => {
          release = () => resolve({ data: { unit: { code: TOWNSHIP, filed: 9 } } });
        }),
    );
    await it.next();
    const waiting = it.next();
    feed.heard(TOWNSHIP);
    await new Promise((r) => setTimeout(r, 20)); // the rerun has started
    const ended = it.return(undefined);
    release();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(await within(ended, 1000)).toBe('ended');
  });
});
