import { Tier } from '@sunlight/shared';
import { DEFAULT_INDICATOR_SETS } from './default-indicator-sets';
import { indicatorSetProblems } from './validate-indicator-set';

const ASPECT_NAMES = ['主体责任', '监督责任', '一岗双责', '权力运行', '作风建设'];
const indicatorNames = (tier: Tier): string[] =>
  (DEFAULT_INDICATOR_SETS.find((s) => s.tier === tier)?.aspects ?? []).flatMap((a) => a.indicators.map((i) => i.name));

describe('DEFAULT_INDICATOR_SETS', () => {
  it('has one set per tier', () => {
    expect(DEFAULT_INDICATOR_SETS.map((s) => s.tier)).toEqual([Tier.CITY, Tier.COUNTY, Tier.TOWNSHIP, Tier.VILLAGE]);
  });

  it.each(DEFAULT_INDICATOR_SETS.map((s) => [s.tier, s] as const))(
    '%s: the five aspects in order, 27 indicators',
    (_, set) => {
      expect(set.aspects.map((a) => a.name)).toEqual(ASPECT_NAMES);
      expect(set.aspects.flatMap((a) => a.indicators)).toHaveLength(27);
    },
  );

  it.each(DEFAULT_INDICATOR_SETS.map((s) => [s.tier, s] as const))('%s: passes validation', (_, set) => {
    expect(indicatorSetProblems(set)).toEqual([]);
  });

  it('names each set after its tier', () => {
    expect(DEFAULT_INDICATOR_SETS.map((s) => s.name)).toEqual([
      '市级勤廉评价指标体系',
      '县级勤廉评价指标体系',
      '乡镇勤廉评价指标体系',
      '村级勤廉评价指标体系',
    ]);
  });

  it('words the indicators differently for every tier', () => {
    const tiers = [Tier.CITY, Tier.COUNTY, Tier.TOWNSHIP, Tier.VILLAGE];
    for (const a of tiers) {
      for (const b of tiers) {
        if (a < b) expect(indicatorNames(a)).not.toEqual(indicatorNames(b));
      }
    }
    expect(indicatorNames(Tier.CITY)).toContain('市级领导班子落实党风廉政建设主体责任情况');
    expect(indicatorNames(Tier.VILLAGE)).toContain('村“两委”落实村务公开情况');
  });

  it('weights aspects differently, not uniformly', () => {
    for (const set of DEFAULT_INDICATOR_SETS) {
      expect(new Set(set.aspects.map((a) => a.weight)).size).toBeGreaterThan(1);
    }
  });

  it('codes aspects A1..A5 and indicators under their aspect', () => {
    for (const set of DEFAULT_INDICATOR_SETS) {
      expect(set.aspects.map((a) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
      for (const aspect of set.aspects) {
        aspect.indicators.forEach((i, n) => expect(i.code).toBe(`${aspect.code}-${String(n + 1).padStart(2, '0')}`));
      }
    }
  });
});
