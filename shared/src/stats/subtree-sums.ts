import { Tier } from '../auth/tier';
import { unitCode } from '../auth/unit-code';

const TIERS = [Tier.CITY, Tier.COUNTY, Tier.TOWNSHIP, Tier.VILLAGE] as const;
const LENGTHS = TIERS.map((t) => unitCode.prefixLength(t));

/** One subtree's months: month ordinal → measures, then the number of rollup rows summed. */
type Months = Map<number, Float64Array>;

/**
 * A monthly rollup held in memory as sums over the subtree of every unit of every tier: each
 * rollup row (unit, month) is added to the sums of its four code prefixes (city 4 digits, county
 * 6, township 9, village 12), so a subtree-month is one map lookup whatever lies below it, and a
 * changed row updates four sums. The 12-digit sums are the rows themselves, which is what a change
 * is measured against. Alongside the measures each sum counts the rows in it, so "has rows" can
 * be told from "sums to zero", as a `GROUP BY` over the table would.
 */
export class SubtreeSums {
  /** Per tier (by prefix length), prefix → months. */
  private readonly tiers = new Map<number, Map<string, Months>>(LENGTHS.map((l) => [l, new Map()]));
  private rowCount = 0;
  /** Scratch space for one row's change. */
  private readonly delta: Float64Array;

  constructor(readonly width: number) {
    this.delta = new Float64Array(width + 1);
  }

  /** Rollup rows held. */
  get rows(): number {
    return this.rowCount;
  }

  /** Sets the rollup row of `unit` (12 digits) in `month` to `values`, moving every enclosing sum by the difference. */
  set(unit: string, month: number, values: ArrayLike<number>): void {
    const own = this.tiers.get(12)!.get(unit)?.get(month);
    const delta = this.delta;
    let changed = !own;
    for (let i = 0; i < this.width; i++) {
      delta[i] = (values[i] ?? 0) - (own?.[i] ?? 0);
      if (delta[i] !== 0) changed = true;
    }
    if (!changed) return;
    delta[this.width] = own ? 0 : 1;
    if (!own) this.rowCount++;
    for (const length of LENGTHS) {
      const byPrefix = this.tiers.get(length)!;
      const prefix = unit.slice(0, length);
      let months = byPrefix.get(prefix);
      if (!months) byPrefix.set(prefix, (months = new Map()));
      let sums = months.get(month);
      if (!sums) months.set(month, (sums = new Float64Array(this.width + 1)));
      for (let i = 0; i <= this.width; i++) sums[i]! += delta[i]!;
    }
  }

  /** The sums of `code`'s subtree in `month` (measures, then rows), or undefined without rows. */
  at(code: string, month: number): Float64Array | undefined {
    const prefix = unitCode.prefixOf(code);
    return this.tiers.get(prefix.length)!.get(prefix)?.get(month);
  }

  /** The sums of `code`'s subtree over the months [from, to), measures then rows; zeros without rows. */
  total(code: string, from: number, to: number): Float64Array {
    const prefix = unitCode.prefixOf(code);
    return addMonths(this.tiers.get(prefix.length)!.get(prefix), from, to, this.width);
  }

  /**
   * Every unit of `tier` in the city with prefix `city` (4 digits) that has rows in [from, to),
   * as its code and its total over those months (measures, then rows), in code order. Rows of a
   * unit of a higher tier (a county's own) belong to no unit of this tier.
   */
  unitsOfTier(tier: Tier, city: string, from: number, to: number): { code: string; total: Float64Array }[] {
    const out: { code: string; total: Float64Array }[] = [];
    for (const [prefix, months] of this.tiers.get(unitCode.prefixLength(tier))!) {
      const code = prefix.padEnd(12, '0');
      if (!prefix.startsWith(city) || !unitCode.isWithinTier(tier, code)) continue;
      const total = addMonths(months, from, to, this.width);
      if (total[this.width]! > 0) out.push({ code, total });
    }
    return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}

function addMonths(months: Months | undefined, from: number, to: number, width: number): Float64Array {
  const total = new Float64Array(width + 1);
  if (!months) return total;
  const add = (sums: Float64Array | undefined) => {
    if (sums) for (let i = 0; i <= width; i++) total[i]! += sums[i]!;
  };
  // Whichever is shorter: the months asked for, or the months this subtree has.
  if (to - from <= months.size) for (let m = from; m < to; m++) add(months.get(m));
  else for (const [m, sums] of months) if (m >= from && m < to) add(sums);
  return total;
}
