import { Tier } from '@sunlight/shared';
import type { AspectContent, IndicatorSetContent } from './indicator-set-content';
import { indicatorSetProblems } from './validate-indicator-set';

const aspect = (code: string, weight: number, indicatorWeights: number[]): AspectContent => ({
  code,
  name: `${code} 方面`,
  weight,
  indicators: indicatorWeights.map((w, i) => ({
    code: `${code}-${String(i + 1).padStart(2, '0')}`,
    name: `${code} 小项 ${i + 1}`,
    weight: w,
  })),
});

// A valid three-aspect set; each test breaks one thing.
const aSet = (): IndicatorSetContent => ({
  tier: Tier.COUNTY,
  name: '县级勤廉评价指标体系',
  aspects: [aspect('A1', 0.5, [0.6, 0.4]), aspect('A2', 0.3, [1]), aspect('A3', 0.2, [0.5, 0.5])],
});
const at = <T>(items: readonly T[], index: number): T => {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
};
const fields = (content: IndicatorSetContent): string[] => indicatorSetProblems(content).map((p) => p.field);

describe('indicatorSetProblems', () => {
  it('accepts a valid set', () => {
    expect(indicatorSetProblems(aSet())).toEqual([]);
  });

  describe('names', () => {
    it('rejects an empty set name', () => {
      expect(indicatorSetProblems({ ...aSet(), name: '' })).toEqual([{ field: 'name', message: '名称不能为空' }]);
    });
    it('rejects a blank indicator name', () => {
      const set = aSet();
      at(at(set.aspects, 0).indicators, 1).name = '   ';
      expect(fields(set)).toEqual(['aspects.0.indicators.1.name']);
    });
    it('rejects a name over 200 characters and accepts exactly 200', () => {
      const set = aSet();
      at(set.aspects, 1).name = '监'.repeat(200);
      expect(fields(set)).toEqual([]);
      at(set.aspects, 1).name = '监'.repeat(201);
      expect(indicatorSetProblems(set)).toEqual([{ field: 'aspects.1.name', message: '名称不得超过 200 个字符' }]);
    });
  });

  describe('counts', () => {
    it('rejects a set without aspects', () => {
      expect(indicatorSetProblems({ ...aSet(), aspects: [] })).toEqual([
        { field: 'aspects', message: '须有 1 至 10 个评价方面，实有 0 个' },
      ]);
    });
    it('rejects more than 10 aspects', () => {
      const aspects = Array.from({ length: 11 }, (_, i) => aspect(`A${i + 1}`, 1 / 11, [1]));
      expect(indicatorSetProblems({ ...aSet(), aspects })).toEqual([
        { field: 'aspects', message: '须有 1 至 10 个评价方面，实有 11 个' },
      ]);
    });
    it('rejects an aspect without indicators', () => {
      const set = aSet();
      at(set.aspects, 1).indicators = [];
      expect(indicatorSetProblems(set)).toEqual([
        { field: 'aspects.1.indicators', message: '须有 1 至 20 项指标，实有 0 项' },
      ]);
    });
    it('rejects more than 20 indicators in an aspect and accepts 20', () => {
      const set = aSet();
      set.aspects[0] = aspect(
        'A1',
        0.5,
        Array.from({ length: 20 }, () => 0.05),
      );
      expect(fields(set)).toEqual([]);
      set.aspects[0] = aspect(
        'A1',
        0.5,
        Array.from({ length: 21 }, () => 1 / 21),
      );
      expect(fields(set)).toEqual(['aspects.0.indicators']);
    });
  });

  describe('codes', () => {
    it.each(['a1', 'A 1', 'A1_01', '', 'A'.repeat(21)])('rejects the aspect code %j', (code) => {
      const set = aSet();
      at(set.aspects, 0).code = code;
      expect(fields(set)).toEqual(['aspects.0.code']);
    });
    it('rejects a malformed indicator code', () => {
      const set = aSet();
      at(at(set.aspects, 2).indicators, 1).code = 'A3-02!';
      expect(fields(set)).toEqual(['aspects.2.indicators.1.code']);
    });
    it('rejects a repeated code at the repeat, naming the first use', () => {
      const set = aSet();
      at(at(set.aspects, 2).indicators, 0).code = 'A1-02';
      expect(indicatorSetProblems(set)).toEqual([
        {
          field: 'aspects.2.indicators.0.code',
          message: '代码“A1-02”已在 aspects.0.indicators.1.code 使用',
        },
      ]);
    });
    it('treats aspect and indicator codes as one namespace', () => {
      const set = aSet();
      at(at(set.aspects, 1).indicators, 0).code = 'A3';
      expect(fields(set)).toEqual(['aspects.2.code']);
    });
  });

  describe('weights', () => {
    it.each([0, -0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the indicator weight %p', (weight) => {
      const set = aSet();
      at(at(set.aspects, 2).indicators, 0).weight = weight;
      const problems = indicatorSetProblems(set);
      expect(problems).toEqual([
        { field: 'aspects.2.indicators.0.weight', message: expect.stringContaining(String(weight)) as string },
      ]);
    });
    it('rejects an aspect weight out of range', () => {
      const set = aSet();
      at(set.aspects, 1).weight = 0;
      expect(fields(set)).toEqual(['aspects.1.weight']);
    });
    it('reports aspect weights that do not sum to 1, with the sum', () => {
      const set = aSet();
      at(set.aspects, 2).weight = 0.1;
      expect(indicatorSetProblems(set)).toEqual([{ field: 'aspects', message: '各评价方面权重之和须为 1，实为 0.9' }]);
    });
    it('reports indicator weights that do not sum to 1, with the sum', () => {
      const set = aSet();
      at(at(set.aspects, 0).indicators, 0).weight = 0.7;
      expect(indicatorSetProblems(set)).toEqual([
        { field: 'aspects.0.indicators', message: '各项指标权重之和须为 1，实为 1.1' },
      ]);
    });
    it('allows a sum off by less than 1e-6, not more', () => {
      const set = aSet();
      set.aspects[2] = aspect('A3', 0.2, [1 / 3, 1 / 3, 1 / 3]);
      expect(fields(set)).toEqual([]);
      set.aspects[2] = aspect('A3', 0.2, [0.5, 0.50001]);
      expect(fields(set)).toEqual(['aspects.2.indicators']);
    });
  });

  it('reports every problem, not just the first', () => {
    const set = aSet();
    set.name = '';
    at(set.aspects, 0).code = 'bad';
    at(at(set.aspects, 1).indicators, 0).weight = 0.5;
    expect(fields(set)).toEqual(['name', 'aspects.0.code', 'aspects.1.indicators']);
  });
});
