import { businessName, creditCode, mobileNumber, personName, residentIdNumber } from '../../generate/person-names';
import type { Random } from '../../generate/random';
import type { ActivePower, CatalogCheckpoint } from './catalog';

/** A material as the API takes it. */
export interface Attachment {
  name: string;
  mediaType: string;
  contentBase64: string;
}

/** What leaving a step (advancing or completing) carries for its checkpoints. */
export interface StepInput {
  attachments?: Attachment[];
  amounts?: Record<string, number>;
  payment?: number;
  contractChange?: number;
}

/** What filing a case sends, besides the power. */
export interface FilingInput {
  applicant: { name: string; idNumber: string; phone: string };
  details: string;
  attachments: Attachment[];
  amounts?: Record<string, number>;
}

const BUSINESS_CATEGORIES = new Set(['LICENSING', 'PENALTY', 'INSPECTION', 'COERCION', 'LEVY']);
const DUTY_CATEGORIES = new Set(['PENALTY', 'INSPECTION', 'COERCION']);
const CNY_FIELDS = new Set(['contractPrice', 'amount', 'penalty']);

function attachment(name: string): Attachment {
  return { name, mediaType: 'text/plain', contentBase64: Buffer.from(`${name}（演示材料）`).toString('base64') };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const round = (n: number, to: number) => Math.round(n / to) * to;

/**
 * How a simulated applicant and clerk fill in one case of `power`: a fictional applicant whose
 * identity passes the API's checks (GB 11643 ID numbers, credit codes, mobile numbers), the
 * materials each step's checkpoints require, and the figures they check (a grant within its
 * limit, a fine within its range, a contract change within its share, payments within progress).
 * `slipStep`, when set, is the step where the clerk first gets one rule wrong (a material left
 * out, a figure out of bounds): the API refuses that attempt (CHECKPOINT_VIOLATED, an alert) and
 * the clerk puts it right on the next.
 */
export class CasePlan {
  readonly filing: FilingInput;
  /** The step whose first leaving breaks a rule, or null. */
  readonly slipStep: number | null;
  private readonly contractPrice: number | null;
  /** Materials of step 1 held back at filing (the slip at step 1), handed in when leaving it. */
  private readonly heldBack: string[];

  constructor(
    readonly power: ActivePower,
    /** The place a business applicant is named after (e.g. 东坪). */
    private readonly place: string,
    private readonly random: Random,
    slipRate: number,
  ) {
    const breakable = power.flow.map((s) => s.stepNo).filter((n) => this.rulesOf(n).some(isBreakable));
    this.slipStep = breakable.length > 0 && random.chance(slipRate) ? random.pick(breakable) : null;
    const needsPrice = power.checkpoints.some(
      (c) => c.kind === 'CONTRACT_CHANGE_LIMIT' || c.kind === 'PAYMENT_WITHIN_PROGRESS',
    );
    this.contractPrice = needsPrice ? random.int(30, 500) * 10_000 : null;
    const firstMaterials = this.rulesOf(1).flatMap(materials);
    this.heldBack = this.slipStep === 1 && firstMaterials.length > 0 ? [random.pick(firstMaterials)] : [];
    this.filing = {
      applicant: this.applicant(),
      details: this.details(),
      attachments: firstMaterials.filter((n) => !this.heldBack.includes(n)).map(attachment),
      ...(this.contractPrice !== null ? { amounts: { contractPrice: this.contractPrice } } : {}),
    };
  }

  /** Whether leaving `stepNo` must wait for working days to pass (a publicity period). */
  waits(stepNo: number): boolean {
    return this.rulesOf(stepNo).some((c) => c.kind === 'MIN_DAYS_BETWEEN_STEPS');
  }

  /** What leaving `stepNo` carries; `slip` breaks one of its rules (when it has one to break). */
  leave(stepNo: number, slip = false): StepInput {
    const out: StepInput = {};
    const rules = this.rulesOf(stepNo);
    const broken = slip ? rules.find(isBreakable) : undefined;
    for (const rule of rules) this.fill(out, rule, rule === broken);
    return out;
  }

  private rulesOf(stepNo: number): CatalogCheckpoint[] {
    return this.power.checkpoints.filter((c) => c.stepNo === stepNo);
  }

  private fill(out: StepInput, rule: CatalogCheckpoint, broken: boolean): void {
    const p = rule.params;
    switch (rule.kind) {
      case 'REQUIRED_ATTACHMENTS': {
        const names = rule.stepNo === 1 ? this.heldBack : materials(rule);
        const given = broken ? names.slice(0, -1) : names;
        if (given.length > 0) out.attachments = [...(out.attachments ?? []), ...given.map(attachment)];
        return;
      }
      case 'AMOUNT_LIMIT': {
        const field = p['field'];
        const max = num(p['max']);
        if (typeof field !== 'string' || !CNY_FIELDS.has(field) || max === null) return;
        const value = broken
          ? round(max * 1.2, 10) + 10
          : Math.min(max, Math.max(10, round(max * (0.15 + 0.85 * this.random.next() ** 1.5), 10)));
        out.amounts = { ...out.amounts, [field]: value };
        return;
      }
      case 'PENALTY_RANGE': {
        const min = num(p['min']) ?? 0;
        const max = num(p['max']);
        if (max === null) return;
        const value = broken
          ? round(max * 1.5, 100) + 100
          : Math.min(max, min + round((max - min) * this.random.next() * this.random.next(), 100));
        out.amounts = { ...out.amounts, penalty: value };
        return;
      }
      case 'CONTRACT_CHANGE_LIMIT': {
        const max = num(p['max']);
        const ratio = num(p['maxRatio']);
        if (max === null || ratio === null || this.contractPrice === null) return;
        const allowed = Math.min(max, ratio * this.contractPrice);
        if (broken) out.contractChange = round(allowed * 1.5, 100) + 100;
        else if (this.random.chance(0.6))
          out.contractChange = Math.max(100, round(allowed * (0.1 + 0.6 * this.random.next()), 100));
        return;
      }
      case 'PAYMENT_WITHIN_PROGRESS': {
        if (this.contractPrice === null) return;
        const progress = broken ? 0.5 : 1;
        out.amounts = { ...out.amounts, progress };
        out.payment = broken
          ? round(this.contractPrice * 0.8, 100)
          : round(this.contractPrice * (0.6 + 0.4 * this.random.next()), 100);
        return;
      }
      default:
        return; // MIN_DAYS_BETWEEN_STEPS asks for time, not input; an unknown kind for nothing we know
    }
  }

  private applicant(): FilingInput['applicant'] {
    const r = this.random;
    const region = this.power.unitCode.slice(0, 6);
    if (BUSINESS_CATEGORIES.has(this.power.category) && r.chance(0.5))
      return { name: businessName(r, this.place), idNumber: creditCode(r, region), phone: mobileNumber(r) };
    return { name: personName(r), idNumber: residentIdNumber(r, region), phone: mobileNumber(r) };
  }

  private details(): string {
    const name = this.power.name;
    if (DUTY_CATEGORIES.has(this.power.category))
      return this.random.pick([`${name}：依职权启动`, `${name}，线索来源于日常巡查`, `${name}，根据群众举报启动`]);
    return this.random.pick([`申请办理${name}`, `依申请办理${name}`, `${name}，材料已按清单提交`]);
  }
}

function materials(rule: CatalogCheckpoint): string[] {
  const list = rule.kind === 'REQUIRED_ATTACHMENTS' ? rule.params['attachments'] : undefined;
  return Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string' && n.trim().length > 0) : [];
}

/** A rule a clerk can get wrong in what it hands in (waiting periods are not input). */
function isBreakable(rule: CatalogCheckpoint): boolean {
  switch (rule.kind) {
    case 'REQUIRED_ATTACHMENTS':
      return materials(rule).length > 0;
    case 'AMOUNT_LIMIT':
    case 'PENALTY_RANGE':
    case 'CONTRACT_CHANGE_LIMIT':
    case 'PAYMENT_WITHIN_PROGRESS':
      return true;
    default:
      return false;
  }
}
