import type { Random } from './random';

const DESCRIPTIONS: Record<string, readonly string[]> = {
  INACTION: [
    '多次反映{place}道路破损问题，相关部门一直不予处理。',
    '申请事项材料齐全，但窗口以各种理由拒不受理。',
    '反映的违法建设问题长期无人过问。',
  ],
  SLOW_ACTION: [
    '办理事项超过承诺时限仍未办结，多次催办无果。',
    '提交申请已一个多月，至今没有任何进展。',
    '低保申请审核拖延，迟迟没有答复。',
  ],
  MISCONDUCT: [
    '工作人员违规收取额外费用，未出具票据。',
    '检查过程中未出示执法证件，程序不规范。',
    '项目变更未经集体研究，存在违规操作。',
  ],
  ATTITUDE: [
    '窗口工作人员态度生硬，对咨询问题敷衍了事。',
    '电话咨询时工作人员语气恶劣，直接挂断电话。',
    '办事群众排队时工作人员长时间离岗。',
  ],
  ASKING_FAVOURS: [
    '办理过程中工作人员暗示需要“意思意思”。',
    '村干部在宅基地审批中索要好处费。',
    '检查人员接受商户宴请后降低检查标准。',
  ],
  ABUSE_OF_POWER: [
    '村干部优亲厚友，违规将低保名额给予亲属。',
    '未经民主决策擅自处置村集体资产。',
    '利用职权干预工程招投标。',
  ],
  OTHER: ['反映{place}公示信息不全，希望公开相关情况。', '对办理结果有异议，请求复核。'],
};
const CHANNELS = ['WEB', 'HOTLINE', 'WINDOW', 'LETTER'] as const;
const CATEGORIES = [
  'INACTION',
  'SLOW_ACTION',
  'MISCONDUCT',
  'ATTITUDE',
  'ASKING_FAVOURS',
  'ABUSE_OF_POWER',
  'OTHER',
] as const;
const FINDINGS: Record<string, readonly string[]> = {
  SUBSTANTIATED: ['经调查，反映问题属实，已责令整改并追究相关人员责任。', '反映问题属实，已对责任人进行诫勉谈话。'],
  PARTLY_SUBSTANTIATED: ['经调查，反映问题部分属实，已督促整改。', '部分问题属实，已对相关人员批评教育。'],
  UNSUBSTANTIATED: ['经调查核实，反映问题不属实。', '经核查，相关事项办理符合规定，反映问题不属实。'],
};
const FEEDBACK = ['已通过电话向反映人反馈调查处理结果。', '已书面答复反映人。', '已向反映人当面反馈，反映人表示认可。'];
const NOTES = {
  accept: ['已受理，按程序办理', '符合受理条件，予以受理'],
  investigate: ['已成立核查组开展调查', '已调取相关材料并约谈当事人'],
};
const REASONS = {
  transfer: ['不属于本级管辖，按干部管理权限移交', '涉及上级管理干部，移交办理'],
  extend: ['案情复杂，需进一步调查核实', '涉及多个部门，需协调核查'],
};

/** The Chinese texts of complaints and their handling. */
export const complaintTexts = {
  channel: (random: Random) => CHANNELS[random.weighted([45, 30, 15, 10])]!,
  category: (random: Random, worse: boolean) =>
    CATEGORIES[random.weighted(worse ? [20, 22, 16, 14, 12, 9, 7] : [20, 25, 12, 20, 8, 5, 10])]!,
  description: (category: string, place: string, random: Random) =>
    random.pick(DESCRIPTIONS[category] ?? DESCRIPTIONS['OTHER']!).replace('{place}', place),
  finding: (conclusion: string, random: Random) => random.pick(FINDINGS[conclusion]!),
  feedback: (random: Random) => random.pick(FEEDBACK),
  acceptNote: (random: Random) => random.pick(NOTES.accept),
  investigateNote: (random: Random) => random.pick(NOTES.investigate),
  transferReason: (random: Random) => random.pick(REASONS.transfer),
  extendReason: (random: Random) => random.pick(REASONS.extend),
};
