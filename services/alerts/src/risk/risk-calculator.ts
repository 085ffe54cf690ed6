import { bandOf, fencesOf, scoreOf, type Fences, type RiskBand } from './quartile-fences';
import { MINIMUM_COVERAGE, MINIMUM_PEERS, RISK_INDICATORS, type RiskIndicatorDefinition } from './risk-indicators';
import type { MonthInputs } from './risk-inputs';

/** One indicator of one unit in one month. */
export interface IndicatorResult {
  definition: RiskIndicatorDefinition;
  calculated: boolean;
  value: number | null;
  sample: number;
  fences: Fences | null;
  score: number | null;
  band: RiskBand | null;
  note: string | null;
}

/** The index of one unit in one month. */
export interface IndexResult {
  score: number | null;
  coverage: number;
  indicators: IndicatorResult[];
}

/** A tier's peers in one month: every peer's raw indicator values, the fences, and every peer's index. */
export interface PeerTable {
  /** Units of the tier with any data in the window. */
  units: number;
  fences: Map<string, Fences | null>;
  /** Index score of each peer with enough data. */
  scores: Map<string, number>;
  scoreFences: Fences | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The raw value of each indicator, or null below its minimum sample. */
function rawValues(i: MonthInputs): (number | null)[] {
  return RISK_INDICATORS.map((d) => (d.sample(i) >= d.minimumSample ? d.value(i) : null));
}

/** Scores a unit's month against its peers' fences. */
export function computeIndex(i: MonthInputs, fences: Map<string, Fences | null>): IndexResult {
  const raw = rawValues(i);
  let weighted = 0;
  let coverage = 0;
  const indicators = RISK_INDICATORS.map((d, k): IndicatorResult => {
    const value = raw[k]!;
    const sample = d.sample(i);
    const f = fences.get(d.key) ?? null;
    if (value === null) {
      return {
        definition: d,
        calculated: false,
        value: null,
        sample,
        fences: f,
        score: null,
        band: null,
        note: `样本不足：本月样本 ${sample}，至少需要 ${d.minimumSample}`,
      };
    }
    if (!f) {
      return {
        definition: d,
        calculated: false,
        value: round(value, 4),
        sample,
        fences: null,
        score: null,
        band: null,
        note: `同级可比单位不足 ${MINIMUM_PEERS} 个，无法确定阈值`,
      };
    }
    const score = scoreOf(value, f);
    weighted += d.weight * score;
    coverage += d.weight;
    return {
      definition: d,
      calculated: true,
      value: round(value, 4),
      sample,
      fences: f,
      score: round(score, 1),
      band: bandOf(value, f),
      note: null,
    };
  });
  coverage = round(coverage, 4);
  return { score: coverage >= MINIMUM_COVERAGE ? round(weighted / coverage, 1) : null, coverage, indicators };
}

/** Fences of every indicator among the peers, then every peer's index and the fences of those. */
export function computePeerTable(peers: Map<string, MonthInputs>): PeerTable {
  const raws = [...peers].map(([code, i]) => [code, rawValues(i)] as const);
  const fences = new Map(
    RISK_INDICATORS.map((d, k) => [
      d.key,
      fencesOf(
        raws.map(([, r]) => r[k]!).filter((v): v is number => v !== null),
        MINIMUM_PEERS,
      ),
    ]),
  );
  const scores = new Map<string, number>();
  for (const [code, i] of peers) {
    const s = computeIndex(i, fences).score;
    if (s !== null) scores.set(code, s);
  }
  return { units: peers.size, fences, scores, scoreFences: fencesOf([...scores.values()], MINIMUM_PEERS) };
}

/** Position among the peers' scores (1 = least risk; ties share a position), counting `code` once. */
export function rankAmong(table: PeerTable, code: string, score: number): { position: number; outOf: number } {
  let lower = 0;
  let others = 0;
  for (const [c, s] of table.scores) {
    if (c === code) continue;
    others += 1;
    if (s < score) lower += 1;
  }
  return { position: lower + 1, outOf: others + 1 };
}
