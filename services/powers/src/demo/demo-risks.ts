import type { DemoRandom } from './demo-random';
import type { StepKind } from './demo-flows';

interface RiskText {
  descriptions: readonly string[];
  measures: readonly string[];
}

/** Typical 廉政风险点 and 防控措施 of each kind of step, worded as in the published catalogs. */
export const STEP_RISKS: Record<StepKind, RiskText> = {
  accept: {
    descriptions: [
      '对符合条件的申请不予受理，或对材料不全、不符合法定形式的申请违规受理',
      '未一次性告知需补正的材料，故意刁难申请人、吃拿卡要',
      '受理时不按顺序办理，优亲厚友',
    ],
    measures: ['实行一次性告知制度', '首问负责制', '受理信息即时录入平台，全程电子留痕', '公开办事指南和申请材料清单'],
  },
  review: {
    descriptions: [
      '审查把关不严，对虚假材料不予甄别或降低审查标准',
      '审查意见与事实不符，故意拖延审查时限',
      '审核人员与申请人存在利害关系未回避',
    ],
    measures: ['实行审查与决定分离', '落实回避制度', '限时办结制，超时自动预警', '审查意见全程电子留痕'],
  },
  site: {
    descriptions: [
      '现场核查走过场，核查意见与实际情况不符',
      '单人核查或接受服务对象宴请、礼品',
      '入户调查不实，人为抬高或降低核定标准',
    ],
    measures: ['实行双人核查', '现场核查照片、笔录实时上传平台', '签订廉洁承诺书', '随机抽取核查人员'],
  },
  decide: {
    descriptions: [
      '超越职权或违反法定条件作出决定',
      '决策权过于集中，“一把手”个人说了算',
      '对不符合条件的事项违规审批，对符合条件的事项故意拖延',
    ],
    measures: ['集体研究决定', '重大事项报纪检监察机构备案', '决定结果向社会公开', '实行分级审批'],
  },
  deliver: {
    descriptions: ['未在法定期限内送达或选择性送达', '办理结果未按规定公开，暗箱操作'],
    measures: ['实行限时送达', '办理结果在平台公开', '全程电子留痕'],
  },
  register: {
    descriptions: ['对应当立案的违法线索不立案或压案不查', '选择性执法，对同类违法行为区别对待'],
    measures: ['案件线索统一登记编号', '立案审批网上运行', '纪检监察机构定期抽查案卷'],
  },
  investigate: {
    descriptions: [
      '调查取证不全面，隐匿、篡改证据',
      '执法人员不足两人或未出示执法证件',
      '向当事人通风报信，为违法行为说情打招呼',
    ],
    measures: ['执法全过程音像记录', '实行双人执法', '说情打招呼登记报告制度'],
  },
  inform: {
    descriptions: ['未依法告知当事人陈述、申辩和听证权利', '对当事人的陈述申辩不予复核或敷衍了事'],
    measures: ['告知文书格式化、网上生成', '听证申请限时处理', '法制审核把关'],
  },
  notice: {
    descriptions: ['公示期不足、公示内容不完整或未在指定场所公示', '对公示期间群众反映的问题不核查、不处理'],
    measures: ['公示照片上传平台留存', '公示期满系统自动校验', '设立监督举报电话'],
  },
  discuss: {
    descriptions: ['会议不足法定人数或代表意见被少数人左右', '会议记录不规范，事后补签、代签'],
    measures: ['严格执行“四议两公开”', '会议记录由参会人员当场签字', '村务监督委员会全程列席监督'],
  },
  contract: {
    descriptions: ['规避招标，化整为零或指定承包单位', '合同条款与招标文件实质性内容不一致'],
    measures: ['进入公共资源交易平台公开交易', '合同文本报纪检监察机构备案', '签订廉洁合同'],
  },
  change: {
    descriptions: ['违规变更工程量或设计，虚增工程价款', '工程签证不实，事后补办变更手续'],
    measures: ['变更超过限额的集体研究决定', '变更签证网上审批、照片留存', '电子关卡限制单次和累计变更金额'],
  },
  completion: {
    descriptions: ['竣工验收把关不严，降低质量标准', '验收人员与施工单位串通，虚报完成工程量'],
    measures: ['多方联合验收', '引入第三方审计', '验收结果公示'],
  },
  pay: {
    descriptions: ['超进度拨付资金或向无关单位支付', '截留、挪用、虚报冒领项目资金'],
    measures: ['按工程进度拨付，电子关卡自动比对', '资金国库集中支付', '资金拨付信息公开'],
  },
};

/** Risks of the power as a whole (风险点不对应某一环节). */
export const WHOLE_POWER_RISKS: RiskText = {
  descriptions: [
    '利用职务便利为本人或亲友谋取私利',
    '违规泄露申请人个人信息或商业秘密',
    '与服务对象存在利害关系未主动回避',
    '不作为、慢作为，推诿扯皮',
  ],
  measures: ['落实回避制度', '开展廉政谈话提醒', '签订廉洁从业承诺书', '纳入作风评价和群众满意度测评'],
};

export type RiskLevel = 1 | 2 | 3;

/**
 * Draws risk levels in the proportions of the seeds (358 : 472 : 727 of 1557, about 23% red,
 * 30% orange, 47% yellow) from a shuffled deck, so every seed stays close to them.
 */
export class RiskLevelDeck {
  private static readonly DECK: readonly RiskLevel[] = [
    ...Array<RiskLevel>(23).fill(1),
    ...Array<RiskLevel>(30).fill(2),
    ...Array<RiskLevel>(47).fill(3),
  ];
  private cards: RiskLevel[] = [];

  constructor(private readonly random: DemoRandom) {}

  draw(): RiskLevel {
    if (this.cards.length === 0) this.cards = this.random.shuffle(RiskLevelDeck.DECK);
    return this.cards.pop() as RiskLevel;
  }
}
