import { stepCardThresholds } from './case-cards';
import { minimumDays, type PlannedEntry } from './case-durations';
import type { StagedCase } from './case-generator';
import type { CatalogPower } from './catalog-power';
import { FilingCalendar } from './filing-calendar';
import type { Random } from './random';
import type { WorkingDays } from './working-days';

/** Where the watched cases are filed: a county and a township whose demo accounts docs name. */
export const WATCHED_UNITS = ['139901000000', '139901001000'] as const;
/** Working days the watched step is planned to take beyond its red-card threshold: it is still open long after. */
const STILL_OPEN = 30;

/**
 * Open cases whose first step's clock reaches the REMINDER, YELLOW and RED thresholds exactly on
 * the `boundary` working day (the first after the history's cut-off), one of each per watched
 * unit: each is filed that many working days before `boundary`, so at the cut-off it is one
 * working day short, and the cards it earned earlier (a YELLOW case's REMINDER, a RED case's
 * REMINDER and YELLOW) are in its history, raised when they were due. The card scheduler raises
 * the rest when it first sweeps after start-up.
 */
export function watchedCases(
  catalog: readonly CatalogPower[],
  wd: WorkingDays,
  boundary: number,
  random: Random,
): Map<string, StagedCase[]> {
  const out = new Map<string, StagedCase[]>();
  const boundaryRank = wd.days.indexOf(boundary);
  if (boundaryRank < 0) throw new Error('the boundary of the demo history must be a working day');
  for (const unitCode of WATCHED_UNITS) {
    // Popular powers whose first step no publicity rule holds: what a clerk would have on the desk.
    const powers = catalog
      .filter((p) => p.unitCode === unitCode && p.flow.length >= 2 && minimumDays(p, 1) === 0)
      .sort((a, b) => b.weight - a.weight);
    if (powers.length < 3) throw new Error(`the demo unit ${unitCode} has too few powers to watch`);
    const staged = (['REMINDER', 'YELLOW', 'RED'] as const).map((level, i): StagedCase => {
      const power = powers[i]!;
      const limit = power.flow[0]!.timeLimitDays;
      const at = stepCardThresholds(limit).find((t) => t.level === level)!.at;
      const filedOn = wd.days[boundaryRank - at]!;
      const receivedAt = FilingCalendar.officeHours(filedOn, random);
      return { receivedAt: receivedAt - (receivedAt % 1000), power, plan: openFirstStep(power) };
    });
    out.set(unitCode, staged);
  }
  return out;
}

/** A plan whose first step runs far past its limit; the later steps (after the cut-off) follow quickly. */
function openFirstStep(p: CatalogPower): PlannedEntry[] {
  const last = p.flow.length;
  return p.flow.map((s) => ({
    stepNo: s.stepNo,
    limit: s.timeLimitDays,
    days:
      s.stepNo === 1 ? stepCardThresholds(s.timeLimitDays)[2]!.at + STILL_OPEN : Math.max(1, minimumDays(p, s.stepNo)),
    extension: 0,
    pause: null,
    end: s.stepNo === last ? 'complete' : 'advance',
  }));
}
