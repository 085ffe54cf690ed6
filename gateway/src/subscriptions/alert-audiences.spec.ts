import { Role, type Principal } from '@sunlight/shared';
import { GraphQLError, parse, type ExecutionResult } from 'graphql';
import type { AlertFeed, FeedItem } from './alert-feed';
import { AlertAudiences, DELIVERY_ATTEMPTS, type AlertMember, type AudienceTerms } from './alert-audiences';
import type { SharedExecution } from './shared-execution';

const PRINTED = 'query($sunlightAlertId: ID!) { alert(id: $sunlightAlertId) { id } }';
const QUERY = parse(PRINTED);

type Answer = (principal: Principal, id: string) => Promise<ExecutionResult>;
const found: Answer = (_p, id) => Promise.resolve({ data: { alert: { id } } });

function setUp(answer: Answer = found) {
  let hand: (item: FeedItem) => void = () => undefined;
  const feed = {
    head: 0n,
    subscribe: (l: (item: FeedItem) => void) => {
      hand = l;
      return () => undefined;
    },
  } as unknown as AlertFeed & { head: bigint };
  const asked: string[] = [];
  const executions = {
    get: (principal: Principal, _q: unknown, variables: Record<string, unknown>) => {
      const id = variables['sunlightAlertId'] as string;
      asked.push(`${principal.subject}:${id}`);
      return answer(principal, id);
    },
  } as unknown as SharedExecution;
  const audiences = new AlertAudiences(feed, executions, () => 0);
  return {
    audiences,
    asked,
    hand: (item: FeedItem) => {
      feed.head = BigInt(item.seq);
      hand(item);
    },
  };
}

function alert(n: number, unitCode: string, kind = 'CARD'): FeedItem {
  return {
    id: `a${n}`,
    seq: String(n),
    kind,
    level: 'RED',
    unitCode,
    accusedUnit: null,
    accusedDepartment: null,
    againstLeadership: false,
    raisedAt: new Date().toISOString(),
  };
}

function terms(principal: Principal, filter: AudienceTerms['filter'] = {}): AudienceTerms {
  return { principal, filter, query: QUERY, printed: PRINTED, variables: {}, responseKey: 'alertRaised' };
}

/** A member that records what it is given. */
function recorder() {
  const payloads: string[] = [];
  const errors: GraphQLError[] = [];
  const member: AlertMember = {
    deliver: (_item, _seq, payload) => void payloads.push(payload),
    fail: (e) => void errors.push(e),
  };
  return {
    member,
    payloads,
    errors,
    ids: () => payloads.map((p) => (JSON.parse(p) as { data: { alertRaised: { id: string } } }).data.alertRaised.id),
  };
}

const settle = () => new Promise((r) => setImmediate(r));
/** Waits (at most 2 s) until `done` holds: retries wait on timers. */
async function until(done: () => boolean): Promise<void> {
  for (let t = 0; t < 200 && !done(); t++) await new Promise((r) => setTimeout(r, 10));
}
const cityInspector = (subject: string): Principal => ({ subject, role: Role.INSPECTOR, unit: '139900000000' });
const countyInspector: Principal = { subject: 'county', role: Role.INSPECTOR, unit: '139901000000' };
const otherCountyLeader: Principal = { subject: 'other', role: Role.LEADER, unit: '139902000000' };

describe('AlertAudiences', () => {
  it('matches each alert once per audience, fetches it once for all its members and serializes it once', async () => {
    const { audiences, hand, asked } = setUp();
    const [a, b, county, other] = [recorder(), recorder(), recorder(), recorder()];
    audiences.join(terms(cityInspector('a')), a.member);
    audiences.join(terms(cityInspector('b')), b.member); // same scope and selection as a
    audiences.join(terms(countyInspector), county.member);
    audiences.join(terms(otherCountyLeader), other.member);
    expect(audiences.size).toBe(3);

    hand(alert(1, '139901001000'));
    // fetched as it arrives: the city's two inspectors share one fetch; the other county sees nothing
    expect(asked).toEqual(['a:a1', 'county:a1']);
    hand(alert(2, '139902000000'));
    await settle();
    expect(a.payloads).toEqual(['{"data":{"alertRaised":{"id":"a1"}}}', '{"data":{"alertRaised":{"id":"a2"}}}']);
    expect(b.payloads[0]).toBe(a.payloads[0]); // the same string, not a copy per member
    expect(county.ids()).toEqual(['a1']);
    expect(other.ids()).toEqual(['a2']);
  });

  it('keeps apart subscribers of one scope with different filters, and drops an audience its last member leaves', async () => {
    const { audiences, hand } = setUp();
    const [cards, complaints] = [recorder(), recorder()];
    const leaveCards = audiences.join(terms(cityInspector('a'), { kinds: ['CARD'] }), cards.member);
    audiences.join(terms(cityInspector('b'), { kinds: ['COMPLAINT'] }), complaints.member);
    expect(audiences.size).toBe(2);
    hand(alert(1, '139901000000', 'CARD'));
    hand(alert(2, '139901000000', 'COMPLAINT'));
    await settle();
    expect(cards.ids()).toEqual(['a1']);
    expect(complaints.ids()).toEqual(['a2']);
    leaveCards();
    expect(audiences.size).toBe(1);
    hand(alert(3, '139901000000', 'CARD'));
    await settle();
    expect(cards.ids()).toEqual(['a1']);
  });

  it('starts every fetch as its alert arrives and still delivers in feed order when a later one is answered first', async () => {
    const pending = new Map<string, (r: ExecutionResult) => void>();
    const { audiences, hand, asked } = setUp((_p, id) => new Promise((resolve) => pending.set(id, resolve)));
    const city = recorder();
    audiences.join(terms(cityInspector('a')), city.member);
    hand(alert(1, '139901000000'));
    hand(alert(2, '139901000000'));
    expect(asked).toEqual(['a:a1', 'a:a2']); // both in flight at once
    pending.get('a2')!({ data: { alert: { id: 'a2' } } });
    await settle();
    expect(city.ids()).toEqual([]); // a1 is not answered yet: a2 waits behind it
    pending.get('a1')!({ data: { alert: { id: 'a1' } } });
    await settle();
    expect(city.ids()).toEqual(['a1', 'a2']);
  });

  it('delivers nothing of an alert the alerts subgraph refuses, and goes on with the next', async () => {
    const { audiences, hand } = setUp((_p, id) =>
      Promise.resolve(id === 'a1' ? { data: { alert: null } } : { data: { alert: { id } } }),
    );
    const city = recorder();
    audiences.join(terms(cityInspector('a')), city.member);
    hand(alert(1, '139901000000'));
    hand(alert(2, '139901000000'));
    await settle();
    expect(city.ids()).toEqual(['a2']);
  });

  it('asks again while the alerts subgraph does not answer, and ends every member with SERVICE_UNAVAILABLE once the attempts run out', async () => {
    const outage: ExecutionResult = {
      data: { alert: null },
      errors: [new GraphQLError('预警服务暂不可用', { extensions: { code: 'SERVICE_UNAVAILABLE' } })],
    };
    let calls = 0;
    const { audiences, hand, asked } = setUp((_p, id) =>
      Promise.resolve(id === 'a1' && ++calls < 3 ? outage : id === 'a2' ? outage : { data: { alert: { id } } }),
    );
    const [a, b] = [recorder(), recorder()];
    audiences.join(terms(cityInspector('a')), a.member);
    audiences.join(terms(cityInspector('b')), b.member);
    hand(alert(1, '139901000000'));
    await until(() => a.payloads.length > 0);
    expect(a.ids()).toEqual(['a1']); // the third answer came: delivered, not skipped
    hand(alert(2, '139901000000'));
    await until(() => a.errors.length > 0);
    expect(asked.filter((x) => x === 'a:a2')).toHaveLength(DELIVERY_ATTEMPTS);
    for (const r of [a, b]) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]!.extensions['code']).toBe('SERVICE_UNAVAILABLE');
    }
  });

  it('fails only the subscriber whose delivery throws; the others still get the alert', async () => {
    const { audiences, hand } = setUp();
    const [a, b] = [recorder(), recorder()];
    const broken: AlertMember = {
      deliver: () => {
        throw new Error('socket gone');
      },
      fail: (e) => void a.errors.push(e),
    };
    audiences.join(terms(cityInspector('x')), broken);
    audiences.join(terms(cityInspector('b')), b.member);
    hand(alert(1, '139901000000'));
    await settle();
    expect(a.errors.map((e) => e.message)).toEqual(['socket gone']);
    expect(b.ids()).toEqual(['a1']);
  });
});
