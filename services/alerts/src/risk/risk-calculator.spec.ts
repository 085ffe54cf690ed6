import { bandOf, fencesOf, RiskBand, scoreOf } from './quartile-fences';
import { computeIndex, computePeerTable, rankAmong } from './risk-calculator';
import { RISK_INDICATORS } from './risk-indicators';
import { NO_INPUTS, type MonthInputs } from './risk-inputs';

// Every input not named here is zero, so a new input leaves these cases as they are.
const month = (o: Partial<MonthInputs> = {}): MonthInputs => ({
  ...NO_INPUTS,
  filed: 100,
  completed: 90,
  overdue: 5,
  late: 4,
  ratings: 200,
  dissatisfied: 10,
  complaints: 2,
  alerts: 5,
  redAlerts: 1,
  undisposedAlerts: 0,
  ...o,
});

describe('quartile fences', () => {
  it('interpolates quartiles between closest ranks and puts the upper fence at Q3 + 1.5 IQR', () => {
    const f = fencesOf([1, 2, 3, 4, 5, 6, 7, 8, 9], 4)!;
    expect(f).toEqual({ q1: 3, median: 5, q3: 7, upper: 13, peers: 9 });
    expect(fencesOf([4, 1, 3, 2], 4)).toMatchObject({ q1: 1.75, median: 2.5, q3: 3.25, upper: 5.5 });
    expect(fencesOf([1, 2, 3], 4)).toBeNull();
  });

  it('scores 0 at Q1, 100 at the fence, linearly between, and bands by Q3 and the fence', () => {
    const f = fencesOf([1, 2, 3, 4, 5, 6, 7, 8, 9], 4)!;
    expect([scoreOf(2, f), scoreOf(3, f), scoreOf(8, f), scoreOf(13, f), scoreOf(40, f)]).toEqual([0, 0, 50, 100, 100]);
    expect([bandOf(7, f), bandOf(7.1, f), bandOf(13, f), bandOf(13.1, f)]).toEqual([
      RiskBand.NORMAL,
      RiskBand.ELEVATED,
      RiskBand.ELEVATED,
      RiskBand.OUTLIER,
    ]);
  });

  it('without spread, anything above the common value is an outlier and the common value is not', () => {
    const f = fencesOf([0.05, 0.05, 0.05, 0.05], 4)!;
    expect([scoreOf(0.05, f), scoreOf(0.06, f), scoreOf(0.01, f)]).toEqual([0, 100, 0]);
  });
});

describe('risk index', () => {
  it('has weights that sum to 1', () => {
    expect(RISK_INDICATORS.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 12);
  });

  it('weights the scores of the calculated indicators and renormalises by their coverage', () => {
    const peers = new Map<string, MonthInputs>([
      ['a', month()],
      ['b', month()],
      ['c', month()],
      ['d', month()],
      ['x', month({ overdue: 30, dissatisfied: 50 })],
    ]);
    const table = computePeerTable(peers);
    expect(table.scores.get('x')).toBe(45); // 0.25·100 + 0.20·100
    expect(table.scores.get('a')).toBe(0);
    expect(rankAmong(table, 'x', 45)).toEqual({ position: 5, outOf: 5 });
    expect(rankAmong(table, 'a', 0)).toEqual({ position: 1, outOf: 5 });
    // No alerts at all: the alert-share indicator is INSUFFICIENT_DATA, the rest still make a score.
    const r = computeIndex(month({ overdue: 30, alerts: 0, redAlerts: 0 }), table.fences);
    const undisposed = r.indicators.find((i) => i.definition.key === 'UNDISPOSED_ALERT_SHARE')!;
    expect(undisposed).toMatchObject({ calculated: false, value: null, sample: 0 });
    expect(r.coverage).toBe(0.9);
    expect(r.score).toBeCloseTo((0.25 * 100) / 0.9, 1);
  });

  it('gives no score below half coverage', () => {
    const table = computePeerTable(new Map(['a', 'b', 'c', 'd'].map((c) => [c, month()])));
    const r = computeIndex(month({ filed: 2, completed: 1, late: 0, overdue: 0, ratings: 50 }), table.fences);
    // Only dissatisfaction (0.20) and alert disposal (0.10) have a sample: coverage 0.3.
    expect(r).toMatchObject({ score: null, coverage: 0.3 });
  });
});
