import type { CatalogPower } from './catalog-power';
import type { Random } from './random';

const STEP_RESULTS: Record<string, readonly string[]> = {
  受理: ['材料齐全，符合法定形式，予以受理', '申请材料齐全，已受理', '经核对材料完整，受理'],
  申请受理: ['申请材料齐全，已受理', '核对申请条件，予以受理'],
  申报受理: ['申报材料齐全，已受理'],
  推荐申报: ['推荐材料齐全，已受理'],
  审查: ['经审查，申请材料真实有效，符合法定条件', '审查通过，提交决定'],
  审核: ['审核通过', '经核实，申请事项属实，审核通过'],
  现场核查: ['现场核查情况与申请材料一致', '经双人现场核查，符合条件'],
  入户调查: ['入户调查属实，家庭经济状况符合条件'],
  公示: ['公示期满，无异议'],
  决议公开: ['决议已在村务公开栏公开，期满无异议'],
  立案: ['违法线索经核查属实，批准立案'],
  调查取证: ['已收集现场检查笔录、询问笔录等证据'],
  告知: ['已告知拟处理决定及陈述申辩权利，当事人未提出异议'],
  核定: ['已按法定标准核定应缴数额'],
  评审: ['评审小组评审通过'],
  制定检查方案: ['已随机抽取检查对象和执法人员'],
  现场检查: ['已逐项检查并制作检查记录'],
  调查核实: ['违法事实已核实'],
  调查调解: ['调解未达成一致，转入裁决'],
  立项审批: ['经集体研究同意立项'],
  合同签订: ['施工合同已签订并备案'],
  变更审核: ['变更事项经审核同意'],
  竣工验收: ['联合验收合格'],
  村党组织提议: ['村党组织提出初步意见'],
  两委会议商议: ['“两委”联席会议商议通过'],
  村民代表会议决议: ['村民代表会议表决通过'],
  村民代表会议讨论: ['村民代表会议评议通过'],
  审查上报: ['已签署意见报乡镇审核'],
};
const DEFAULT_RESULTS = ['本环节办理完毕', '已按规定办理'];
const APPROVED = ['准予办理，决定文书已送达', '办结，结果已在平台公开', '依法作出准予决定'];
const REJECTED = ['不符合法定条件，不予办理，已告知理由和救济途径', '不予许可，已书面说明理由'];
const RETURN_REASONS = [
  '申请材料需补正，退回上一环节',
  '审核意见与事实不符，退回重新办理',
  '现场核查发现问题，退回补充调查',
];
const WITHDRAW_REASONS = ['申请人主动撤回申请', '申请人不再办理该事项', '申请人提交书面撤回申请'];
const SUSPEND = [
  ['SUPPLEMENT_MATERIALS', '申请人补正材料期间暂停计时'],
  ['EXPERT_APPRAISAL', '委托专家评审，评审期间暂停计时'],
  ['HEARING', '当事人申请听证，听证期间暂停计时'],
  ['OTHER', '等待相关部门出具意见'],
] as const;
const EXTEND_REASONS = ['情况复杂，经负责人批准延长办理期限', '需组织专家论证，延长办理时限'];
const DETAILS = ['申请办理{name}', '办理{name}事项', '{name}，材料已按清单提交', '依申请办理{name}'];
const DUTY_DETAILS = ['{name}：依职权启动', '{name}，线索来源于日常巡查', '{name}，根据群众举报启动'];

/** The Chinese texts a case's trace carries, drawn from short lists. */
export const caseTexts = {
  details(p: CatalogPower, random: Random): string {
    const ex = p.category === 'PENALTY' || p.category === 'INSPECTION' || p.category === 'COERCION';
    return random.pick(ex ? DUTY_DETAILS : DETAILS).replace('{name}', p.name);
  },
  stepResult(stepName: string, random: Random): string {
    return random.pick(STEP_RESULTS[stepName] ?? DEFAULT_RESULTS);
  },
  completion(outcome: 'APPROVED' | 'REJECTED', random: Random): string {
    return random.pick(outcome === 'APPROVED' ? APPROVED : REJECTED);
  },
  returnReason: (random: Random) => random.pick(RETURN_REASONS),
  withdrawReason: (random: Random) => random.pick(WITHDRAW_REASONS),
  suspension: (random: Random) => random.pick(SUSPEND),
  extensionReason: (random: Random) => random.pick(EXTEND_REASONS),
};
