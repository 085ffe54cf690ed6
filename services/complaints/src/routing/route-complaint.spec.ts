import { Tier } from '@sunlight/shared';
import { routeComplaint } from './route-complaint';
import { DEFAULT_ROUTING_RULES, routingRulesProblems, type AccusedKind, type RoutingRule } from './routing-rule';

const CITY = '139900000000';
const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const VILLAGE = '139901001001';

const handler = (unit: string, kind: AccusedKind, rules: readonly RoutingRule[] = DEFAULT_ROUTING_RULES) =>
  routeComplaint(unit, kind, rules).handlerUnit;

describe('routeComplaint with the default rules', () => {
  it.each<[string, string, AccusedKind, string]>([
    ['a county department → the county', COUNTY, 'DEPARTMENT', COUNTY],
    ['a county staff member → the county', COUNTY, 'PERSON', COUNTY],
    ['the county leadership → the city', COUNTY, 'LEADERSHIP', CITY],
    ['the county as a whole → the city', COUNTY, 'UNIT', CITY],
    ['the township leadership → the county', TOWNSHIP, 'LEADERSHIP', COUNTY],
    ['a township department → the township', TOWNSHIP, 'DEPARTMENT', TOWNSHIP],
    ['the village leadership → the township', VILLAGE, 'LEADERSHIP', TOWNSHIP],
    ['a village staff member → the township', VILLAGE, 'PERSON', TOWNSHIP],
    ['a city department → the city', CITY, 'DEPARTMENT', CITY],
    ['the city leadership → the city (no parent in the system)', CITY, 'LEADERSHIP', CITY],
  ])('%s', (_, unit, kind, expected) => {
    expect(handler(unit, kind)).toBe(expected);
  });

  it('reports whether the complaint is against leadership and which rule applied', () => {
    expect(routeComplaint(TOWNSHIP, 'UNIT', DEFAULT_ROUTING_RULES)).toEqual({
      handlerUnit: COUNTY,
      againstLeadership: true,
      rule: { accusedTier: Tier.TOWNSHIP, againstLeadership: true, routeTo: 'PARENT_UNIT' },
    });
    const city = routeComplaint(CITY, 'LEADERSHIP', DEFAULT_ROUTING_RULES);
    expect(city.rule.routeTo).toBe('PARENT_UNIT'); // the fallback is visible to the caller
    expect(routeComplaint(VILLAGE, 'PERSON', DEFAULT_ROUTING_RULES).againstLeadership).toBe(false);
  });

  it('ships a default rule set without problems, one rule per pair, frozen', () => {
    expect(DEFAULT_ROUTING_RULES).toHaveLength(8);
    expect(routingRulesProblems(DEFAULT_ROUTING_RULES)).toEqual([]);
    expect(Object.isFrozen(DEFAULT_ROUTING_RULES)).toBe(true);
    expect(DEFAULT_ROUTING_RULES.every((r) => Object.isFrozen(r))).toBe(true);
  });
});

describe('routeComplaint with custom rules', () => {
  const withRule = (changed: RoutingRule) =>
    DEFAULT_ROUTING_RULES.map((r) =>
      r.accusedTier === changed.accusedTier && r.againstLeadership === changed.againstLeadership ? changed : r,
    );

  it('follows the rules it is given', () => {
    const villageSelf = withRule({ accusedTier: Tier.VILLAGE, againstLeadership: false, routeTo: 'SAME_UNIT' });
    expect(handler(VILLAGE, 'PERSON', villageSelf)).toBe(VILLAGE);
    expect(handler(VILLAGE, 'LEADERSHIP', villageSelf)).toBe(TOWNSHIP);

    const townshipDeptsUp = withRule({ accusedTier: Tier.TOWNSHIP, againstLeadership: false, routeTo: 'PARENT_UNIT' });
    expect(handler(TOWNSHIP, 'DEPARTMENT', townshipDeptsUp)).toBe(COUNTY);
    expect(handler(COUNTY, 'DEPARTMENT', townshipDeptsUp)).toBe(COUNTY);
  });

  it('throws when no rule matches', () => {
    const noVillage = DEFAULT_ROUTING_RULES.filter((r) => r.accusedTier !== Tier.VILLAGE);
    expect(() => routeComplaint(VILLAGE, 'PERSON', noVillage)).toThrow(
      'no routing rule for VILLAGE with againstLeadership=false',
    );
    expect(() => routeComplaint(COUNTY, 'LEADERSHIP', [])).toThrow(/no routing rule for COUNTY/);
  });

  it('throws on an invalid unit code or accused kind', () => {
    for (const bad of ['', '1399', '13990100100x', '130000000000', '1399010010011']) {
      expect(() => routeComplaint(bad, 'PERSON', DEFAULT_ROUTING_RULES)).toThrow(/not a valid 12-digit unit code/);
    }
    expect(() => routeComplaint(COUNTY, 'MAYOR' as AccusedKind, DEFAULT_ROUTING_RULES)).toThrow(
      /unknown accused kind "MAYOR"/,
    );
  });
});

describe('routingRulesProblems', () => {
  it('detects a missing pair', () => {
    const rules = DEFAULT_ROUTING_RULES.filter((r) => !(r.accusedTier === Tier.TOWNSHIP && r.againstLeadership));
    expect(routingRulesProblems(rules)).toEqual([{ field: 'rules', message: 'no rule routes TOWNSHIP leadership' }]);
  });

  it('detects a duplicated pair, pointing at the later rule', () => {
    const rules = [
      ...DEFAULT_ROUTING_RULES,
      { accusedTier: Tier.COUNTY, againstLeadership: false, routeTo: 'PARENT_UNIT' as const },
    ];
    expect(routingRulesProblems(rules)).toEqual([
      { field: 'rules.8', message: 'duplicates rules.2: both route COUNTY departments and staff' },
    ]);
  });

  it('detects unknown values field by field', () => {
    const rules = DEFAULT_ROUTING_RULES.map((r, i) =>
      i === 3
        ? ({ accusedTier: 'PROVINCE', againstLeadership: 'yes', routeTo: 'GRANDPARENT' } as unknown as RoutingRule)
        : r,
    );
    const problems = routingRulesProblems(rules);
    expect(problems.map((p) => p.field)).toEqual([
      'rules.3.accusedTier',
      'rules.3.againstLeadership',
      'rules.3.routeTo',
      'rules',
    ]);
    expect(problems[3]?.message).toBe('no rule routes COUNTY leadership');
    expect(routingRulesProblems([null as unknown as RoutingRule])[0]).toEqual({
      field: 'rules.0',
      message: 'must be an object with accusedTier, againstLeadership and routeTo',
    });
    expect(routingRulesProblems('x' as unknown as RoutingRule[])).toEqual([
      { field: 'rules', message: 'must be a list of routing rules' },
    ]);
  });
});
