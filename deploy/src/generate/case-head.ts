import type { AttachmentPool } from './attachment-pool';
import type { CaseProfile } from './case-story';
import { caseTexts } from './case-texts';
import type { CaseHead } from './case-timeline';
import type { CatalogPower } from './catalog-power';
import type { CityUnit } from './city-units';
import { businessName, creditCode, mobileNumber, personName, residentIdNumber } from './person-names';
import type { Random } from './random';

const BUSINESS_CATEGORIES = new Set(['LICENSING', 'PENALTY', 'INSPECTION', 'COERCION', 'LEVY']);

/** What happens to a case: `overdue` is the unit's chance of running late. */
export function drawProfile(random: Random, overdue: number): CaseProfile {
  const late = random.chance(overdue);
  return {
    overdue: late ? (random.chance(0.7) ? 'statutory' : 'step') : 'none',
    withdraw: !late && random.chance(0.015),
    suspend: !late && random.chance(0.025),
    extend: !late && random.chance(0.01),
    returnStep: random.chance(0.015),
    reject: random.chance(0.06),
  };
}

/** The money a case's checkpoints look at: a grant within its limit, a fine within its range, a contract. */
function amountsOf(p: CatalogPower, random: Random): { amounts: Record<string, number>; change: number | null } {
  const amounts: Record<string, number> = {};
  let change: number | null = null;
  for (const c of p.checkpoints) {
    const { min = 0, max = 0, field, maxRatio = 0 } = c.params;
    if (c.kind === 'AMOUNT_LIMIT' && field)
      amounts[field] = Math.max(10, Math.round((max * (0.15 + 0.85 * Math.pow(random.next(), 1.5))) / 10) * 10);
    if (c.kind === 'PENALTY_RANGE')
      amounts['penalty'] = Math.min(max, min + Math.round(((max - min) * random.next() * random.next()) / 100) * 100);
    if (c.kind === 'CONTRACT_CHANGE_LIMIT') {
      const price = random.int(30, 500) * 10_000;
      amounts['contractPrice'] = price;
      if (random.chance(0.6))
        change = Math.max(100, Math.round((Math.min(max, maxRatio * price) * (0.1 + 0.6 * random.next())) / 100) * 100);
    }
  }
  return { amounts, change };
}

/** A case as filed: applicant, request, materials and amounts. */
export function drawCaseHead(
  random: Random,
  at: { id: string; number: string; unit: CityUnit; power: CatalogPower; receivedAt: number; reject: boolean },
  pool: AttachmentPool,
): { head: CaseHead; applicant: { name: string; idNumber: string; phone: string } } {
  const p = at.power;
  const region = at.unit.code.slice(0, 6);
  const business = BUSINESS_CATEGORIES.has(p.category) && random.chance(0.6);
  const applicant = business
    ? {
        name: businessName(random, at.unit.name.replace(/(县|区|镇|乡|街道|村|社区)$/, '')),
        idNumber: creditCode(random, region),
        phone: mobileNumber(random),
      }
    : { name: personName(random), idNumber: residentIdNumber(random, region), phone: mobileNumber(random) };
  const required =
    p.checkpoints.find((c) => c.kind === 'REQUIRED_ATTACHMENTS' && c.stepNo === 1)?.params.attachments ?? [];
  const { amounts, change } = amountsOf(p, random);
  const head: CaseHead = {
    id: at.id,
    number: at.number,
    unitCode: at.unit.code,
    power: p,
    receivedAt: at.receivedAt,
    details: caseTexts.details(p, random),
    attachments: required.map((name) => pool.ref(name)),
    amounts,
    contractChange: change,
    outcome: at.reject ? 'REJECTED' : 'APPROVED',
  };
  return { head, applicant };
}
