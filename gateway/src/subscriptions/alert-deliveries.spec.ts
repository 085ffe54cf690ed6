import { Role } from '@sunlight/shared';
import { parse } from 'graphql';
import type { AlertFeed, FeedItem } from './alert-feed';
import { alertDeliveries } from './alert-deliveries';
import type { SharedExecution } from './shared-execution';

/** A feed with no alerts yet: it counts its listeners, as the real one holds them. */
function quietFeed() {
  const listeners = new Set<(item: FeedItem) => void>();
  const feed = {
    head: 0n,
    subscribe: (l: (item: FeedItem) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  } as unknown as AlertFeed;
  return { feed, listeners };
}

describe('alertDeliveries', () => {
  it('ends at once when the subscriber leaves while no alert arrives (it used to wait for the next delivery)', async () => {
    const { feed, listeners } = quietFeed();
    const deliveries = alertDeliveries({
      feed,
      executions: {} as SharedExecution,
      principal: { subject: 'i', role: Role.INSPECTOR, unit: '139901000000' },
      filter: {},
      after: null,
      query: parse('query($sunlightAlertId: ID!) { alert(id: $sunlightAlertId) { id } }'),
      variables: {},
      responseKey: 'alertRaised',
    });
    const next = deliveries.next(); // waits for a live alert that never comes
    await new Promise((r) => setImmediate(r));
    expect(listeners.size).toBe(1);
    const ended = await Promise.race([
      deliveries.return(undefined).then(() => 'ended'),
      new Promise((r) => setTimeout(() => r('still waiting'), 1000)),
    ]);
    expect(ended).toBe('ended');
    await expect(next).resolves.toEqual({ value: undefined, done: true });
    expect(listeners.size).toBe(0);
  });
});
