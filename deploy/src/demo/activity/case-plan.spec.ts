import { generateDemoData } from '@sunlight/powers';
import { isPhoneNumber, isResidentIdNumber } from '@sunlight/shared';
import { Random } from '../../generate/random';
import type { ActivePower, CatalogCheckpoint } from './catalog';
import { CasePlan, type StepInput } from './case-plan';

// Every power of the demo catalog, as the simulator reads it through the API.
const demo = generateDemoData();
const POWERS: ActivePower[] = demo.powers.map((p) => ({
  id: p.id,
  unitCode: p.unitCode,
  name: p.name,
  category: p.category,
  department: { id: p.departmentId, code: '' },
  flow: p.flow.map((s) => ({ stepNo: s.stepNo, name: s.name, departmentId: p.departmentId })),
  checkpoints: p.checkpoints.map(({ stepNo, kind, params }) => ({ stepNo, kind, params: { ...params } })),
}));
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The figures and materials a case holds after leaving `upTo` steps with `inputs`, as the cases service keeps them. */
function held(plan: CasePlan, inputs: Map<number, StepInput>, upTo: number) {
  const names = new Set(plan.filing.attachments.map((a) => a.name));
  const amounts: Record<string, number> = { ...plan.filing.amounts };
  let paid = 0;
  let changed = 0;
  for (let step = 1; step <= upTo; step++) {
    const input = inputs.get(step) ?? {};
    for (const a of input.attachments ?? []) names.add(a.name);
    Object.assign(amounts, input.amounts);
    paid += input.payment ?? 0;
    changed += Math.abs(input.contractChange ?? 0);
  }
  return { names, amounts, paid, changed, change: inputs.get(upTo)?.contractChange };
}

/** Does leaving step `rule.stepNo` with these inputs pass `rule` (the cases service's rule, restated)? */
function passes(rule: CatalogCheckpoint, plan: CasePlan, inputs: Map<number, StepInput>): boolean {
  const h = held(plan, inputs, rule.stepNo);
  const n = (name: string) => rule.params[name] as number;
  const amount = (field: string) => h.amounts[field] ?? NaN;
  switch (rule.kind) {
    case 'REQUIRED_ATTACHMENTS':
      return (rule.params['attachments'] as string[]).every((name) => h.names.has(name));
    case 'AMOUNT_LIMIT':
      return amount(rule.params['field'] as string) <= n('max');
    case 'PENALTY_RANGE':
      return amount('penalty') >= n('min') && amount('penalty') <= n('max');
    case 'CONTRACT_CHANGE_LIMIT':
      return (
        h.change === undefined ||
        (Math.abs(h.change) <= n('max') && h.changed <= n('maxRatio') * amount('contractPrice'))
      );
    case 'PAYMENT_WITHIN_PROGRESS':
      return h.paid <= amount('contractPrice') * amount('progress') + 0.005;
    default:
      return true;
  }
}

describe('CasePlan', () => {
  it('files with an applicant the API accepts: a GB 11643 ID number or a credit code, and a mobile number', () => {
    const random = Random.fork(1, 'plan');
    for (const power of POWERS) {
      const { applicant } = new CasePlan(power, '东坪', random, 0).filing;
      expect(applicant.name.length).toBeGreaterThanOrEqual(2);
      expect(isResidentIdNumber(applicant.idNumber) || CREDIT_CODE.test(applicant.idNumber)).toBe(true);
      expect(isPhoneNumber(applicant.phone)).toBe(true);
    }
  });

  it('hands in every material and keeps every figure within its checkpoint, step after step', () => {
    const random = Random.fork(2, 'plan');
    let rules = 0;
    for (const power of POWERS) {
      const plan = new CasePlan(power, '东坪', random, 0);
      expect(plan.slipStep).toBeNull();
      const inputs = new Map(power.flow.map((s) => [s.stepNo, plan.leave(s.stepNo)]));
      for (const rule of power.checkpoints) {
        expect({ power: power.name, rule, pass: passes(rule, plan, inputs) }).toMatchObject({ pass: true });
        rules += 1;
      }
    }
    expect(rules).toBeGreaterThan(300);
  });

  it('with a slip, gets exactly one rule of its slip step wrong on the first try, and puts it right', () => {
    const random = Random.fork(3, 'plan');
    const kinds = new Set<string>();
    for (const power of POWERS) {
      const plan = new CasePlan(power, '东坪', random, 1);
      if (plan.slipStep === null) continue;
      const step = plan.slipStep;
      const right = new Map(power.flow.map((s) => [s.stepNo, plan.leave(s.stepNo)]));
      const wrong = new Map(right).set(step, plan.leave(step, true));
      const broken = power.checkpoints.filter((r) => r.stepNo === step && !passes(r, plan, wrong));
      expect({ power: power.name, step, broken: broken.length }).toMatchObject({ broken: 1 });
      expect(power.checkpoints.filter((r) => r.stepNo === step).every((r) => passes(r, plan, right))).toBe(true);
      kinds.add(broken[0]!.kind);
    }
    expect([...kinds].sort()).toEqual([
      'AMOUNT_LIMIT',
      'CONTRACT_CHANGE_LIMIT',
      'PAYMENT_WITHIN_PROGRESS',
      'PENALTY_RANGE',
      'REQUIRED_ATTACHMENTS',
    ]);
  });

  it('knows which steps wait out a publicity period', () => {
    const power = POWERS.find((p) => p.checkpoints.some((c) => c.kind === 'MIN_DAYS_BETWEEN_STEPS'))!;
    const plan = new CasePlan(power, '东坪', Random.fork(4, 'plan'), 0);
    const waiting = power.checkpoints.find((c) => c.kind === 'MIN_DAYS_BETWEEN_STEPS')!.stepNo;
    expect(power.flow.filter((s) => plan.waits(s.stepNo)).map((s) => s.stepNo)).toEqual([waiting]);
  });
});
