import { Role, type Principal } from '@sunlight/shared';
import { parse, type ExecutionResult } from 'graphql';
import type { AlertFeed, FeedItem } from './alert-feed';
import { AlertAudiences, type AudienceTerms, type LiveAlert } from './alert-audiences';
import type { SharedExecution } from './shared-execution';

const PRINTED = 'query($sunlightAlertId: ID!) { alert(id: $sunlightAlertId) { id } }';
const QUERY = parse(PRINTED);

function feedAndAudiences() {
  let hand: (item: FeedItem) => void = () => undefined;
  const feed = {
    head: 0n,
    subscribe: (l: (item: FeedItem) => void) => {
      hand = l;
      return () => undefined;
    },
  } as unknown as AlertFeed;
  const asked: { principal: Principal; id: unknown }[] = [];
  const executions = {
    get: (principal: Principal, _q: unknown, variables: Record<string, unknown>) => {
      asked.push({ principal, id: variables['sunlightAlertId'] });
      return Promise.resolve<ExecutionResult>({ data: { alert: { id: variables['sunlightAlertId'] } } });
    },
  } as unknown as SharedExecution;
  return { audiences: new AlertAudiences(feed, executions), hand: (item: FeedItem) => hand(item), asked };
}

function alert(id: string, unitCode: string, kind = 'CARD'): FeedItem {
  return {
    id,
    seq: id.replace(/\D/g, ''),
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
  return { principal, filter, query: QUERY, printed: PRINTED, variables: {} };
}

const cityInspector = (subject: string): Principal => ({ subject, role: Role.INSPECTOR, unit: '139900000000' });
const countyInspector: Principal = { subject: 'county', role: Role.INSPECTOR, unit: '139901000000' };
const otherCountyLeader: Principal = { subject: 'other', role: Role.LEADER, unit: '139902000000' };

describe('AlertAudiences', () => {
  it('matches each alert once per audience and fetches its content once for all its members, as it arrives', () => {
    const { audiences, hand, asked } = feedAndAudiences();
    const got = new Map<string, LiveAlert[]>();
    const member = (name: string) => (a: LiveAlert) => got.set(name, [...(got.get(name) ?? []), a]);
    audiences.join(terms(cityInspector('a')), member('a'));
    audiences.join(terms(cityInspector('b')), member('b')); // same scope and selection as a
    audiences.join(terms(countyInspector), member('county'));
    audiences.join(terms(otherCountyLeader), member('other'));
    expect(audiences.size).toBe(3);

    hand(alert('a1', '139901001000'));
    // the city's two inspectors share one fetch; the county's inspector has its own; the other county sees nothing
    expect(asked.map((a) => `${a.principal.subject}:${a.id}`)).toEqual(['a:a1', 'county:a1']);
    expect(got.get('a')![0]!.content).toBe(got.get('b')![0]!.content);
    expect(got.has('other')).toBe(false);

    hand(alert('a2', '139902000000'));
    expect(got.get('a')!.map((a) => a.item.id)).toEqual(['a1', 'a2']);
    expect(got.get('county')!.map((a) => a.item.id)).toEqual(['a1']);
    expect(got.get('other')!.map((a) => a.item.id)).toEqual(['a2']);
  });

  it('keeps apart subscribers of one scope with different filters, and drops an audience its last member leaves', () => {
    const { audiences, hand } = feedAndAudiences();
    const red: string[] = [];
    const complaints: string[] = [];
    const leaveRed = audiences.join(terms(cityInspector('a'), { kinds: ['CARD'] }), (a) => red.push(a.item.id));
    audiences.join(terms(cityInspector('b'), { kinds: ['COMPLAINT'] }), (a) => complaints.push(a.item.id));
    expect(audiences.size).toBe(2);
    hand(alert('a1', '139901000000', 'CARD'));
    hand(alert('a2', '139901000000', 'COMPLAINT'));
    expect(red).toEqual(['a1']);
    expect(complaints).toEqual(['a2']);
    leaveRed();
    expect(audiences.size).toBe(1);
    hand(alert('a3', '139901000000', 'CARD'));
    expect(red).toEqual(['a1']);
  });
});
