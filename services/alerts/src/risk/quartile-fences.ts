/** Where a value stands among its peers. */
export enum RiskBand {
  NORMAL = 'NORMAL',
  ELEVATED = 'ELEVATED',
  OUTLIER = 'OUTLIER',
}

/** Quartiles of peers' values and Tukey's upper fence (Q3 + 1.5 IQR). */
export interface Fences {
  q1: number;
  median: number;
  q3: number;
  upper: number;
  peers: number;
}

/** The p-quantile of sorted values, interpolated linearly between closest ranks. */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Fences of `values`; null when there are fewer than `minimumPeers`. */
export function fencesOf(values: number[], minimumPeers: number): Fences | null {
  if (values.length < minimumPeers) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return { q1, median: quantile(sorted, 0.5), q3, upper: q3 + 1.5 * (q3 - q1), peers: values.length };
}

/** NORMAL up to Q3, ELEVATED up to the upper fence, OUTLIER above it (higher is worse). */
export function bandOf(value: number, f: Fences): RiskBand {
  if (value > f.upper) return RiskBand.OUTLIER;
  if (value > f.q3) return RiskBand.ELEVATED;
  return RiskBand.NORMAL;
}

/**
 * 0 at or below Q1, 100 at or above the upper fence, linear between: a value as risky as a
 * statistical outlier among its peers scores full marks. With no spread (Q1 = upper) anything
 * above it scores 100 and anything else 0.
 */
export function scoreOf(value: number, f: Fences): number {
  if (value >= f.upper) return value > f.q1 || f.upper > f.q1 ? 100 : 0;
  if (value <= f.q1) return 0;
  return (100 * (value - f.q1)) / (f.upper - f.q1);
}
