import { Role } from '@sunlight/shared';
import { GraphQLError, parse } from 'graphql';
import type { AlertFeed, FeedItem } from './alert-feed';
import { alertDeliveries } from './alert-deliveries';
import { AlertAudiences } from './alert-audiences';
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
    const { feed } = quietFeed();
    const audiences = new AlertAudiences(feed, {} as SharedExecution);
    const deliveries = alertDeliveries({
      audiences,
      principal: { subject: 'i', role: Role.INSPECTOR, unit: '139901000000' },
      filter: {},
      after: null,
      query: parse('query($sunlightAlertId: ID!) { alert(id: $sunlightAlertId) { id } }'),
      printed: 'query($sunlightAlertId: ID!) { alert(id: $sunlightAlertId) { id } }',
      variables: {},
      responseKey: 'alertRaised',
    });
    const next = deliveries.next(); // waits for a live alert that never comes
    await new Promise((r) => setImmediate(r));
    expect(audiences.size).toBe(1);
    const ended = await Promise.race([
      deliveries.return(undefined).then(() => 'ended'),
      new Promise((r) => setTimeout(() => r('still waiting'), 1000)),
    ]);
    expect(ended).toBe('ended');
    await expect(next).resolves.toEqual({ value: undefined, done: true });
    expect(audiences.size).toBe(0);
  });

  it('asks again for an alert the alerts subgraph did not answer for, instead of skipping it', async () => {
    const { feed, listeners } = quietFeed();
    const outage = {
      data: { alert: null },
      errors: [new GraphQLError('预警服务暂不可用', { extensions: { code: 'SERVICE_UNAVAILABLE' } })],
    };
    const answers = [outage, outage, { data: { alert: { id: 'a1' } } }];
    let asked = 0;
    const deliveries = alertDeliveries({
      audiences: new AlertAudiences(feed, {
        get: () => Promise.resolve(answers[asked++]),
      } as unknown as SharedExecution),
      principal: { subject: 'i', role: Role.INSPECTOR, unit: '139901000000' },
      filter: {},
      after: null,
      query: parse('query($sunlightAlertId: ID!) { alert(id: $sunlightAlertId) { id } }'),
      printed: 'query($sunlightAlertId: ID!) { alert(id: $sunlightAlertId) { id } }',
      variables: {},
      responseKey: 'alertRaised',
    });
    const next = deliveries.next();
    await new Promise((r) => setImmediate(r));
    const item: FeedItem = {
      id: 'a1',
      seq: '1',
      kind: 'CARD',
      level: 'RED',
      unitCode: '139901000000',
      accusedUnit: null,
      accusedDepartment: null,
      againstLeadership: false,
      raisedAt: new Date().toISOString(),
    };
    for (const l of listeners) l(item);
    await expect(next).resolves.toEqual({ value: { data: { alertRaised: { id: 'a1' } } }, done: false });
    expect(asked).toBe(3);
    await deliveries.return(undefined);
  });
});
