import type { PowerCategory } from '../power/power-category';
import type { DemoRandom } from './demo-random';
import type { PostCode } from './demo-units';

/** What a step does; risk points and checkpoints are chosen by it. */
export type StepKind =
  | 'accept'
  | 'review'
  | 'site'
  | 'decide'
  | 'deliver'
  | 'register'
  | 'investigate'
  | 'inform'
  | 'notice'
  | 'discuss'
  | 'contract'
  | 'change'
  | 'completion'
  | 'pay';

export type FlowKind =
  | 'licensing'
  | 'penalty'
  | 'inspection'
  | 'coercion'
  | 'levy'
  | 'publicNotice'
  | 'reward'
  | 'adjudication'
  | 'simple'
  | 'project'
  | 'villageDecision'
  | 'villageVetting';

/** One row of a power catalog template. */
export interface PowerTemplate {
  category: PowerCategory;
  name: string;
  /** The statute, e.g. '《中华人民共和国食品安全法》'; an article number is added per power. */
  law: string;
  /** Code of the handling department in the unit (see demo-units). */
  department: string;
  flow: FlowKind;
  /** Materials required at step 1 (申请材料). */
  attachments: string[];
  conditions: string;
  /** Defaults to 不收费. */
  fees?: string;
  /** 给付/征收: the largest amount of one case, CNY. */
  amountMax?: number;
  /** 处罚: the legal range of the fine, CNY. */
  penalty?: readonly [number, number];
  /** The statute fixing the publicity period (公示), for flows with a notice step. */
  noticeLaw?: string;
}

type TemplateExtra = Pick<PowerTemplate, 'fees' | 'amountMax' | 'penalty' | 'noticeLaw'>;

/** Builds a power template; the catalogs list their powers with it. */
export function powerTemplate(
  category: PowerCategory,
  name: string,
  law: string,
  department: string,
  flow: FlowKind,
  attachments: string[],
  conditions: string,
  extra: TemplateExtra = {},
): PowerTemplate {
  return { category, name, law, department, flow, attachments, conditions, ...extra };
}

export interface StepSpec {
  kind: StepKind;
  name: string;
  /** Preferred post codes, first match in the department wins; none means no post. */
  posts: PostCode[];
  description: string;
  /** A publicity period: the step takes exactly this many working days. */
  fixedDays?: number;
}

function step(kind: StepKind, name: string, posts: PostCode[], description: string, fixedDays?: number): StepSpec {
  return fixedDays === undefined ? { kind, name, posts, description } : { kind, name, posts, description, fixedDays };
}

const ACCEPT = step(
  'accept',
  '受理',
  ['SL'],
  '审查申请材料是否齐全、符合法定形式，材料不全的一次性告知需补正的全部内容',
);
const REVIEW = step('review', '审查', ['SH'], '对申请材料的实质内容进行审查，提出审查意见');
const SITE = step('site', '现场核查', ['SH', 'ZF'], '两名以上工作人员到现场核查，制作核查笔录并由当事人签字确认');
const DECIDE = step('decide', '决定', ['SP', 'FZR'], '依法作出准予或不予决定，不予决定的说明理由并告知救济途径');
const DELIVER = step('deliver', '送达', ['SL'], '制作并送达决定文书，办件信息同步公开');
const FINISH = step('deliver', '办结', ['SL'], '办结归档，结果在平台公开');
const NOTICE_DAYS = 7;

/** The steps of a flow, already varied by `random` where the flow allows it (3 to 5 steps). */
export function flowSteps(kind: FlowKind, random: DemoRandom): StepSpec[] {
  switch (kind) {
    case 'licensing': {
      const steps = [ACCEPT, REVIEW];
      if (random.chance(0.6)) steps.push(SITE);
      steps.push(DECIDE);
      if (random.chance(0.5)) steps.push(DELIVER);
      return steps;
    }
    case 'penalty':
      return [
        step('register', '立案', ['ZF', 'SH'], '对违法线索进行核查，符合立案条件的报负责人批准立案'),
        step('investigate', '调查取证', ['ZF', 'SH'], '两名以上执法人员出示执法证件，全面、客观、公正地调查取证'),
        step('inform', '告知', ['SH'], '告知拟作出的处罚内容及事实、理由、依据，告知陈述申辩和听证权利'),
        step('decide', '决定', ['FZR', 'SP'], '负责人审查后作出处罚决定，情节复杂或重大的集体讨论决定'),
        step('deliver', '送达', ['ZF', 'SL'], '七日内送达行政处罚决定书，处罚信息依法公示'),
      ];
    case 'inspection':
      return [
        step('review', '制定检查方案', ['SH'], '按“双随机、一公开”要求随机抽取检查对象和执法检查人员'),
        step('site', '现场检查', ['ZF', 'SH'], '出示执法证件，依据检查清单逐项检查并制作检查记录'),
        step('decide', '出具检查结论', ['FZR', 'SP'], '形成检查结论，发现违法行为的依法移送立案'),
        ...(random.chance(0.5) ? [step('deliver', '结果公开', ['SL'], '检查结果二十个工作日内向社会公开')] : []),
      ];
    case 'coercion':
      return [
        step('investigate', '调查核实', ['ZF', 'SH'], '核实违法事实，收集证据，评估采取强制措施的必要性'),
        step('inform', '告知', ['SH'], '告知当事人采取强制措施的理由、依据以及依法享有的权利'),
        step('decide', '强制决定', ['FZR', 'SP'], '报负责人批准后作出行政强制决定，制作决定书'),
        step('deliver', '实施并送达', ['ZF', 'SL'], '依法实施强制措施，制作现场笔录和清单并送达当事人'),
      ];
    case 'levy':
      return [
        step('accept', '申报受理', ['SL'], '受理缴费义务人申报，核对申报材料'),
        step('review', '核定', ['SH'], '依据法定标准核定应征数额，不得擅自减免、缓征'),
        step('decide', '征收决定', ['SP', 'FZR'], '开具缴款通知书，减免缓事项集体研究决定'),
        step('deliver', '缴库办结', ['SL'], '款项直接缴入国库或财政专户，票据电子化管理'),
      ];
    case 'publicNotice':
      return [
        ACCEPT,
        step('site', '入户调查', ['SH'], '两名以上工作人员入户调查，核实家庭经济状况'),
        step('notice', '公示', [], '在申请人所在村（社区）公示审核意见，接受群众监督', NOTICE_DAYS),
        step('decide', '审批', ['SP', 'FZR'], '公示无异议的作出审批决定，有异议的重新核查'),
        step('deliver', '资金发放', ['SL'], '资金通过“一卡通”直接发放至本人账户'),
      ];
    case 'reward':
      return [
        step('accept', '推荐申报', ['SL'], '受理推荐或申报材料，核对申报条件'),
        step('review', '评审', ['SH'], '组织专家或评审小组评审，评审过程全程记录'),
        step('notice', '公示', [], '评审结果向社会公示，接受异议', NOTICE_DAYS),
        step('decide', '奖励决定', ['FZR', 'SP'], '公示无异议的集体研究作出奖励决定'),
      ];
    case 'adjudication':
      return [
        ACCEPT,
        step('investigate', '调查调解', ['SH'], '调查争议事实，先行调解，制作调解笔录'),
        step('decide', '裁决', ['FZR', 'SP'], '调解不成的依法作出裁决，重大争议集体研究'),
        DELIVER,
      ];
    case 'simple': {
      const steps = [ACCEPT, step('review', '审核', ['SH'], '核实申请事项与证明材料，提出审核意见'), DECIDE];
      if (random.chance(0.5)) steps.push(FINISH);
      return steps;
    }
    case 'project':
      return [
        step('decide', '立项审批', ['SP', 'FZR'], '审查项目建议书和资金来源，集体研究决定立项'),
        step('contract', '合同签订', ['SH'], '依法确定承包单位，签订施工合同并备案'),
        step('change', '变更审核', ['SH', 'FZR'], '审核设计变更和工程签证，超过限额的报集体研究'),
        step('completion', '竣工验收', ['SH'], '组织建设、监理、施工等单位联合验收，形成验收报告'),
        step('pay', '资金拨付', ['SP', 'FZR'], '按合同和工程进度拨付资金，资金支付全程留痕'),
      ];
    case 'villageDecision':
      return [
        step('discuss', '村党组织提议', ['FZR'], '村党组织在广泛征求意见基础上提出初步意见'),
        step('discuss', '两委会议商议', ['SH', 'FZR'], '村“两委”联席会议商议，形成商议意见'),
        step('decide', '村民代表会议决议', ['FZR'], '党员大会审议后，村民代表会议讨论表决'),
        step('notice', '决议公开', [], '决议内容在村务公开栏公开，接受村民监督', 5),
        step('deliver', '实施结果公开', ['SL'], '组织实施，实施结果及时公开'),
      ];
    case 'villageVetting':
      return [
        step('accept', '申请受理', ['SL'], '受理书面申请，核对申请条件和家庭成员情况'),
        step('discuss', '村民代表会议讨论', ['FZR'], '召开村民代表会议讨论评议，形成评议意见'),
        step('notice', '公示', [], '在本村（社区）公示申请人及评议、审查情况', 5),
        step('decide', '审查上报', ['SH', 'FZR'], '公示无异议的由村委会签署意见，报乡镇审核审批'),
      ];
  }
}

/** Statutory time limit candidates (working days) of a flow. */
export const STATUTORY_DAYS: Record<FlowKind, readonly number[]> = {
  licensing: [10, 15, 20, 30],
  penalty: [30, 45, 60],
  inspection: [10, 15, 20],
  coercion: [15, 30],
  levy: [5, 10, 15],
  publicNotice: [20, 30, 45],
  reward: [20, 30],
  adjudication: [30, 45, 60],
  simple: [5, 10, 15, 20],
  project: [30, 45, 60],
  villageDecision: [15, 20, 30],
  villageVetting: [15, 20],
};
