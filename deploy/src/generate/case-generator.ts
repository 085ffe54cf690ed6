import { queryCode } from '@sunlight/cases';
import { Tier } from '@sunlight/shared';
import type { AlertBook } from './alert-book';
import type { AttachmentPool } from './attachment-pool';
import type { BulkWriter } from './bulk-writer';
import { planEntries, squeeze, type PlannedEntry } from './case-durations';
import { drawCaseHead, drawProfile } from './case-head';
import { writeCase } from './case-rows';
import { tellCase } from './case-timeline';
import type { CatalogPower } from './catalog-power';
import { apportion, type CityTree } from './city-units';
import type { FilingCalendar } from './filing-calendar';
import { Random } from './random';
import type { RatingMaker } from './rating-maker';
import { TABLES } from './table-specs';
import { dayOf } from './time-window';
import type { WorkingDays } from './working-days';
import type { WorseUnits } from './worse-units';

/** Share of all cases filed at each tier. */
const TIER_CASES: Record<Tier, number> = { CITY: 0.08, COUNTY: 0.52, TOWNSHIP: 0.28, VILLAGE: 0.12 };
const OVERDUE_SHARE = 0.05;
/** Overdue plans lost to the window's end (late cases squeezed to finish by "now"), made up in advance. */
const OVERDUE_LOSS = 1.05;
const WITHDRAWN_SHARE = 0.015;
/** Open cases exist only among those filed in the last working days of the window. */
const OPEN_HORIZON_DAYS = 10;

export interface CaseInputs {
  tree: CityTree;
  catalog: readonly CatalogPower[];
  wd: WorkingDays;
  filing: FilingCalendar;
  writer: BulkWriter;
  alerts: AlertBook;
  ratings: RatingMaker;
  attachments: AttachmentPool;
  worse: WorseUnits;
  now: number;
  seed: number;
  queryCodeKey: Uint8Array;
  progress: (done: number) => void;
  /** Cases per unit; drawn from the tier shares and `total` when absent. */
  volumes?: Map<string, number>;
  /** Cases filed at a given moment under a given plan (the demo's watched clocks), per unit, besides the drawn ones. */
  staged?: Map<string, StagedCase[]>;
  /** Spread each unit's filings evenly over the window's weights (FilingCalendar.spread) instead of drawing each one. */
  evenly?: boolean;
}

/** A case whose filing moment, power and plan the caller chose. */
export interface StagedCase {
  receivedAt: number;
  power: CatalogPower;
  plan: PlannedEntry[];
}

export interface CaseOutputs {
  casesPerUnit: Map<string, number>;
  citable: Map<string, { caseId: string; powerId: string }[]>;
  lookups: { number: string; queryCode: string; status: string }[];
  events: number;
}

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

function drawIndex(c: Float64Array, random: Random): number {
  const roll = random.next() * c[c.length - 1]!;
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c[mid]! <= roll) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cases per unit: tier shares, spread over each tier's units by a drawn size. */
function casesPerUnit(tree: CityTree, total: number, random: Random): Map<string, number> {
  const out = new Map<string, number>();
  for (const tier of Object.values(Tier)) {
    const units = tree.units.filter((u) => u.tier === tier);
    const weights = units.map(
      (u) => Math.exp(0.35 * random.normal()) * (u.name.endsWith('区') || u.name.endsWith('街道') ? 1.3 : 1),
    );
    apportion(Math.round(total * TIER_CASES[tier]), weights).forEach((n, i) => out.set(units[i]!.code, n));
  }
  return out;
}

/**
 * Every case of the city, unit by unit: filing moments drawn from the seasonal calendar and
 * numbered per unit and year in filing order, a power of the unit drawn by popularity, a profile
 * (about 5% overdue, more in the worse units; a few withdrawn, suspended, extended, returned), the
 * laid-out story, and the rows, alerts and ratings it leaves.
 */
export async function generateCases(
  x: CaseInputs,
  total: number,
  ratingTarget: number,
  lookupSamples: number,
): Promise<CaseOutputs> {
  const perUnit = x.volumes ?? casesPerUnit(x.tree, total, Random.fork(x.seed, 'case-volumes'));
  const byUnit = new Map<string, CatalogPower[]>();
  for (const p of x.catalog) byUnit.set(p.unitCode, [...(byUnit.get(p.unitCode) ?? []), p]);
  let weighted = 0;
  let expectedSteps = 0;
  for (const [code, n] of perUnit) {
    weighted += n * x.worse.factor(code);
    const powers = byUnit.get(code) ?? [];
    const w = powers.reduce((a, p) => a + p.weight, 0);
    expectedSteps += (n * powers.reduce((a, p) => a + p.weight * p.flow.length, 0)) / w;
  }
  const overdueBase = (OVERDUE_LOSS * OVERDUE_SHARE * total) / weighted / (1 - WITHDRAWN_SHARE);
  const rateShare = Math.min(0.95, ratingTarget / expectedSteps);
  const nowDay = dayOf(x.now);
  const horizon = x.filing.days[Math.max(0, x.filing.days.length - OPEN_HORIZON_DAYS)]!;
  const sampleEvery = Math.max(1, Math.floor(total / lookupSamples));
  const out: CaseOutputs = { casesPerUnit: perUnit, citable: new Map(), lookups: [], events: 0 };
  let done = 0;

  for (const unit of x.tree.units) {
    const n = perUnit.get(unit.code) ?? 0;
    const powers = byUnit.get(unit.code) ?? [];
    const staged = x.staged?.get(unit.code) ?? [];
    if ((n === 0 || powers.length === 0) && staged.length === 0) continue;
    const random = Random.fork(x.seed, 'cases', unit.code);
    const chooser = cumulative(powers.map((p) => p.weight));
    const worse = x.worse.factor(unit.code);
    const filings: { receivedAt: number; staged?: StagedCase }[] = [
      ...(powers.length === 0
        ? []
        : x.evenly
          ? x.filing.spread(n, random)
          : Array.from({ length: n }, () => x.filing.instant(random))
      ).map((receivedAt) => ({ receivedAt })),
      ...staged.map((s) => ({ receivedAt: s.receivedAt, staged: s })),
    ].sort((a, b) => a.receivedAt - b.receivedAt);
    const perYear = new Map<number, number>();
    const citable: { caseId: string; powerId: string }[] = [];
    for (const { receivedAt, staged: chosen } of filings) {
      const year = Number(new Date(receivedAt + 8 * 3_600_000).toISOString().slice(0, 4));
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);
      const power = chosen?.power ?? powers[drawIndex(chooser, random)]!;
      const profile = drawProfile(random, Math.min(0.6, overdueBase * worse));
      if (chosen) profile.reject = false;
      const id = random.uuid();
      const number = `${unit.code}-${year}-${String(seq).padStart(6, '0')}`;
      const { head, applicant } = drawCaseHead(
        random,
        { id, number, unit, power, receivedAt, reject: profile.reject },
        x.attachments,
      );
      const receivedDay = dayOf(receivedAt);
      const recent = chosen !== undefined || receivedDay >= horizon;
      let plan = chosen?.plan ?? planEntries(power, profile, random);
      if (!recent) plan = squeeze(power, plan, x.wd.count(receivedDay, nowDay) - 1);
      let story = tellCase(head, plan, x.wd, x.now, random);
      if (!recent && story.status !== 'COMPLETED' && story.status !== 'WITHDRAWN')
        story = tellCase(head, squeeze(power, plan, 0), x.wd, x.now, random);
      out.events += writeCase(x.writer, x.alerts, head, story, applicant, random);
      if (story.status !== 'WITHDRAWN') x.ratings.fromCase(head, story, rateShare, Math.min(8, worse), random);
      if (done % sampleEvery === 0 && out.lookups.length < lookupSamples)
        out.lookups.push({ number, queryCode: queryCode.for(x.queryCodeKey, id), status: story.status });
      if (citable.length < 20 && random.chance(0.02)) citable.push({ caseId: id, powerId: power.id });
      done++;
      if (done % 64 === 0) {
        x.progress(done);
        await x.writer.pace();
      }
    }
    for (const [year, last] of perYear) x.writer.add(TABLES.caseCounter, [unit.code, year, last]);
    out.citable.set(unit.code, citable);
  }
  if (done % 64 !== 0) x.progress(done);
  return out;
}
