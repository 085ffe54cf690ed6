import { CheckpointKind, Tier } from '@sunlight/shared';
import { PowerCategory } from '../power/power-category';
import { flowSteps, STATUTORY_DAYS, type PowerTemplate, type StepKind, type StepSpec } from './demo-flows';
import { DEMO_LEGAL_ARTICLES } from './demo-legal-articles';
import { DEMO_PRINCIPAL_LEADER_POWERS } from './demo-principal-leader';
import { demoId, type DemoRandom } from './demo-random';
import { STEP_RISKS, WHOLE_POWER_RISKS, type RiskLevel, type RiskLevelDeck } from './demo-risks';
import type {
  DemoCheckpoint,
  DemoEfficiencyPoint,
  DemoFlowStep,
  DemoPower,
  DemoRiskPoint,
  DemoUnit,
} from './demo-types';
import type { DemoOrganization } from './demo-units';

/** What building one power needs besides its template. */
export interface PowerBuildContext {
  org: DemoOrganization;
  /** The unit's own stream. */
  random: DemoRandom;
  /** Shared by all powers so the overall level proportions hold. */
  levels: RiskLevelDeck;
}

/**
 * The statute alone: the demo cites an article only where it is verified (DEMO_LEGAL_ARTICLES).
 * It still draws the number the demo once invented, so every other generated value stays as it was.
 */
function statute(law: string, random: DemoRandom): string {
  random.int(2, 60);
  return law;
}

/** The power's own legal basis: its statute and, where verified, the authorising article. */
function powerBasis(template: PowerTemplate, random: DemoRandom): string {
  return `${statute(template.law, random)}${DEMO_LEGAL_ARTICLES[template.name] ?? ''}`;
}

function money(amount: number): string {
  return amount % 10000 === 0 ? `${amount / 10000}万元` : `${amount}元`;
}

/** Working days of extra time a step of this kind tends to take. */
const STEP_WEIGHT: Partial<Record<StepKind, number>> = {
  review: 3,
  site: 3,
  investigate: 3,
  change: 2,
  completion: 3,
  decide: 2,
  contract: 2,
};

/** Statutory and promised days, and each step's share of the promised days. */
function planDays(specs: readonly StepSpec[], template: PowerTemplate, random: DemoRandom) {
  const limits = specs.map((s) => s.fixedDays ?? 1);
  const needed = limits.reduce((a, b) => a + b, 0);
  const candidates = STATUTORY_DAYS[template.flow].filter((d) => d >= needed);
  const statutoryDays = candidates.length > 0 ? random.pick(candidates) : Math.max(needed, 60);
  const promisedDays = Math.min(
    statutoryDays,
    Math.max(needed, Math.round(statutoryDays * (0.4 + 0.25 * random.next()))),
  );
  const spare = promisedDays - needed;
  const flexible = specs.flatMap((s, i) => (s.fixedDays === undefined ? [i] : []));
  const weights = flexible.map((i) => STEP_WEIGHT[specs[i]?.kind ?? 'accept'] ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  // Keep a little slack so the steps do not always add up to the promise exactly.
  for (let extra = spare - random.int(0, Math.floor(spare / 4)); extra > 0; extra--) {
    let roll = random.next() * total;
    const at = weights.findIndex((w) => (roll -= w) < 0);
    const index = flexible[at === -1 ? flexible.length - 1 : at] ?? 0;
    limits[index] = (limits[index] ?? 1) + 1;
  }
  return { statutoryDays, promisedDays, limits };
}

/** Lower means a more dangerous place for a risk: the riskiest points get the red cards. */
function severity(kind: StepKind | null): number {
  if (kind === null) return 1.5;
  if (kind === 'decide' || kind === 'change' || kind === 'pay') return 0;
  if (kind === 'accept' || kind === 'deliver' || kind === 'notice' || kind === 'inform') return 2;
  return 1;
}

function riskPoints(powerId: string, specs: readonly StepSpec[], ctx: PowerBuildContext): DemoRiskPoint[] {
  const { random } = ctx;
  const count = random.int(2, Math.min(4, specs.length + 1));
  const whole = random.chance(0.25) ? 1 : 0;
  const stepNos: Array<number | null> = random.sample(
    specs.map((_, i) => i + 1),
    count - whole,
  );
  if (whole) stepNos.push(null);
  const kindOf = (stepNo: number | null): StepKind | null =>
    stepNo === null ? null : (specs[stepNo - 1]?.kind ?? null);
  const bySeverity = [...stepNos].sort((a, b) => severity(kindOf(a)) - severity(kindOf(b)));
  const levels: RiskLevel[] = stepNos.map(() => ctx.levels.draw()).sort((a, b) => a - b);
  const ordered = [...stepNos].sort((a, b) => (a ?? 99) - (b ?? 99));
  return ordered.map((stepNo, index) => {
    const kind = kindOf(stepNo);
    const text = kind === null ? WHOLE_POWER_RISKS : STEP_RISKS[kind];
    return {
      id: demoId('risk', powerId, index + 1),
      stepNo,
      level: levels[bySeverity.indexOf(stepNo)] ?? 3,
      description: random.pick(text.descriptions),
      measures: random.sample(text.measures, random.int(1, 3)),
    };
  });
}

function efficiencyPoints(
  powerId: string,
  flow: readonly DemoFlowStep[],
  days: { statutory: number; promised: number },
  village: boolean,
  random: DemoRandom,
): DemoEfficiencyPoint[] {
  const { statutory, promised } = days;
  const points: Array<Omit<DemoEfficiencyPoint, 'id'>> = [];
  const target = random.chance(0.7) ? flow[0] : random.pick(flow);
  if (target) {
    points.push({
      stepNo: target.stepNo,
      description: `${target.name}环节${target.timeLimitDays}个工作日内完成`,
      timeLimitDays: target.timeLimitDays,
    });
  }
  if (random.chance(0.6)) {
    points.push(
      promised < statutory && random.chance(0.7)
        ? {
            stepNo: null,
            description: `办理时限由法定${statutory}个工作日压缩至${promised}个工作日`,
            timeLimitDays: promised,
          }
        : {
            stepNo: null,
            description: village ? '实行村务代办制，群众办事不出村' : '推行网上申报、“最多跑一次”，材料一次性提交',
            timeLimitDays: null,
          },
    );
  }
  return points.map((p, i) => ({ id: demoId('efficiency', powerId, i + 1), ...p }));
}

function attachmentsBasis(template: PowerTemplate, random: DemoRandom): string {
  switch (template.category) {
    case PowerCategory.LICENSING:
      return '《中华人民共和国行政许可法》第三十一条';
    case PowerCategory.PENALTY:
      return '《中华人民共和国行政处罚法》第五十四条';
    case PowerCategory.COERCION:
      return '《中华人民共和国行政强制法》第十八条';
    default:
      return statute(template.law, random);
  }
}

function checkpoints(
  powerId: string,
  template: PowerTemplate,
  specs: readonly StepSpec[],
  flow: readonly DemoFlowStep[],
  random: DemoRandom,
): DemoCheckpoint[] {
  const stepOf = (kind: StepKind): DemoFlowStep | undefined => flow[specs.findIndex((s) => s.kind === kind)];
  const decision = stepOf('decide') ?? flow[flow.length - 1];
  const out: Array<Omit<DemoCheckpoint, 'id'>> = [];
  const first = flow[0];
  if (first && template.attachments.length > 0) {
    const attachments = [...template.attachments];
    out.push({
      stepNo: first.stepNo,
      kind: CheckpointKind.REQUIRED_ATTACHMENTS,
      params: { attachments },
      legalBasis: attachmentsBasis(template, random),
      description: `${first.name}环节须上传：${attachments.join('、')}`,
    });
  }
  if (template.penalty && decision) {
    const [min, max] = template.penalty;
    out.push({
      stepNo: decision.stepNo,
      kind: CheckpointKind.PENALTY_RANGE,
      params: { min, max },
      legalBasis: statute(template.law, random),
      description: `罚款金额须在${money(min)}至${money(max)}的法定幅度内，并符合行政处罚裁量基准`,
    });
  }
  if (template.amountMax !== undefined && decision) {
    const max = template.amountMax;
    out.push({
      stepNo: decision.stepNo,
      kind: CheckpointKind.AMOUNT_LIMIT,
      params: { field: 'amount', max },
      legalBasis: statute(template.law, random),
      description: `单笔金额不得超过${money(max)}，超出的须集体研究并报上级审批`,
    });
  }
  const noticeIndex = specs.findIndex((s) => s.kind === 'notice');
  const notice = specs[noticeIndex];
  const afterNotice = flow[noticeIndex + 1];
  if (notice?.fixedDays !== undefined && afterNotice) {
    const days = notice.fixedDays;
    out.push({
      stepNo: afterNotice.stepNo,
      kind: CheckpointKind.MIN_DAYS_BETWEEN_STEPS,
      params: { fromStepNo: noticeIndex + 1, days },
      legalBasis: statute(template.noticeLaw ?? template.law, random),
      description: `公示期不少于${days}个工作日，期满无异议方可${afterNotice.name}`,
    });
  }
  const change = stepOf('change');
  if (change) {
    out.push({
      stepNo: change.stepNo,
      kind: CheckpointKind.CONTRACT_CHANGE_LIMIT,
      params: { max: 500000, maxRatio: 0.2 },
      legalBasis: '《政府投资条例》第二十一条',
      description: '单次变更不超过50万元，累计变更不超过合同价的20%，超出的须集体研究并报原审批部门',
    });
  }
  const pay = stepOf('pay');
  if (pay) {
    out.push({
      stepNo: pay.stepNo,
      kind: CheckpointKind.PAYMENT_WITHIN_PROGRESS,
      params: {},
      legalBasis: '《保障中小企业款项支付条例》第九条',
      description: '累计拨付不得超过合同价乘以经监理确认的完成工程量比例',
    });
  }
  return out.slice(0, 3).map((c, i) => ({ id: demoId('checkpoint', powerId, i + 1), ...c }));
}

/** One catalog entry of `unit`, with its flow, risk points, efficiency points and checkpoints. */
export function buildPower(template: PowerTemplate, unit: DemoUnit, code: string, ctx: PowerBuildContext): DemoPower {
  const { org, random } = ctx;
  const id = demoId('power', unit.code, code);
  const department = org.department(unit.code, template.department);
  const specs = flowSteps(template.flow, random);
  const { statutoryDays, promisedDays, limits } = planDays(specs, template, random);
  const flow: DemoFlowStep[] = specs.map((s, i) => ({
    stepNo: i + 1,
    name: s.name,
    postId: org.post(department.id, s.posts)?.id ?? null,
    timeLimitDays: limits[i] ?? 1,
    description: s.description,
  }));
  const decision = flow[specs.findIndex((s) => s.kind === 'decide')];
  // A 一把手 power answers to the department's head (负责人), whoever prepares the decision.
  const principalLeader = DEMO_PRINCIPAL_LEADER_POWERS[template.name] !== undefined;
  const head = principalLeader ? org.post(department.id, ['FZR']) : null;
  return {
    id,
    unitCode: unit.code,
    code,
    name: template.name,
    category: template.category,
    legalBasis: powerBasis(template, random),
    departmentId: department.id,
    postId: head?.id ?? decision?.postId ?? flow[0]?.postId ?? null,
    conditions: template.conditions,
    fees: template.fees ?? '不收费',
    statutoryDays,
    promisedDays,
    supervisorDepartmentId: org.supervisoryDepartment(unit.code).id,
    principalLeader,
    flow,
    riskPoints: riskPoints(id, specs, ctx),
    efficiencyPoints: efficiencyPoints(
      id,
      flow,
      { statutory: statutoryDays, promised: promisedDays },
      unit.tier === Tier.VILLAGE,
      random,
    ),
    checkpoints: checkpoints(id, template, specs, flow, random),
  };
}
