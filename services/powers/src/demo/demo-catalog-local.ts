import { PowerCategory as C } from '../power/power-category';
import { powerTemplate as t, type PowerTemplate } from './demo-flows';


const RELIEF = '《社会救助暂行办法》';
const VILLAGERS = '《中华人民共和国村民委员会组织法》';
const PENALTY_FORMS = ['案件来源登记表', '立案审批表', '现场检查笔录'];
const CHECK_FORMS = ['检查通知书', '检查事项清单', '执法人员执法证件'];

/** Powers of a township (乡/镇/街道). */
export const TOWNSHIP_CATALOG: readonly PowerTemplate[] = [
  t(C.LICENSING, '乡村建设规划许可', '《中华人民共和国城乡规划法》', 'BMFW', 'licensing', ['乡村建设规划许可申请表', '村民委员会意见', '建设工程设计方案'], '符合村庄规划，不占用永久基本农田'),
  t(C.LICENSING, '农村村民宅基地审批', '《中华人民共和国土地管理法》', 'BMFW', 'licensing', ['农村宅基地和建房（规划许可）申请表', '村民代表会议决议', '申请人户口簿'], '符合“一户一宅”规定，符合村庄规划和用途管制要求'),
  t(C.LICENSING, '临时占用乡村道路许可', '《中华人民共和国公路法》', 'BMFW', 'licensing', ['占用道路申请表', '施工安全保障方案'], '因工程建设确需临时占用，且不影响通行安全'),

  t(C.PENALTY, '对未依法取得乡村建设规划许可证进行建设的处罚', '《中华人民共和国城乡规划法》', 'DZB', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [2000, 50000] }),
  t(C.PENALTY, '对随意倾倒、抛撒生活垃圾的处罚', '《中华人民共和国固体废物污染环境防治法》', 'DZB', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [100, 500] }),
  t(C.PENALTY, '对露天焚烧秸秆的处罚', '《中华人民共和国大气污染防治法》', 'DZB', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [500, 2000] }),

  t(C.INSPECTION, '安全生产监督检查', '《中华人民共和国安全生产法》', 'DZB', 'inspection', CHECK_FORMS, '按年度检查计划或隐患线索启动'),
  t(C.INSPECTION, '森林防火检查', '《森林防火条例》', 'NYFW', 'inspection', CHECK_FORMS, '森林防火期内开展巡查检查'),
  t(C.INSPECTION, '农产品质量安全检查', '《中华人民共和国农产品质量安全法》', 'NYFW', 'inspection', CHECK_FORMS, '按农时季节开展抽检'),

  t(C.BENEFIT, '农村最低生活保障审核确认', RELIEF, 'BMFW', 'publicNotice', ['最低生活保障申请书', '家庭成员身份证明', '家庭经济状况核对授权书'], '家庭人均收入低于当地农村最低生活保障标准', { amountMax: 8000, noticeLaw: '《最低生活保障审核确认办法》' }),
  t(C.BENEFIT, '特困人员救助供养审核确认', RELIEF, 'BMFW', 'publicNotice', ['特困人员救助供养申请书', '身份证明', '劳动能力评估材料'], '无劳动能力、无生活来源且无法定赡养抚养扶养义务人', { amountMax: 12000, noticeLaw: '《特困人员认定办法》' }),
  t(C.BENEFIT, '临时救助金给付（乡镇审批额度内）', RELIEF, 'BMFW', 'publicNotice', ['临时救助申请书', '困难情况证明材料'], '因突发事件导致基本生活暂时出现严重困难', { amountMax: 3000, noticeLaw: RELIEF }),
  t(C.BENEFIT, '耕地地力保护补贴发放', '《耕地地力保护补贴资金管理办法》', 'NYFW', 'publicNotice', ['补贴面积申报表', '土地承包经营权证明', '“一卡通”账户信息'], '拥有耕地承包权并保持耕地地力', { amountMax: 20000, noticeLaw: '《耕地地力保护补贴资金管理办法》' }),
  t(C.BENEFIT, '高龄津贴发放', '《中华人民共和国老年人权益保障法》', 'BMFW', 'publicNotice', ['高龄津贴申请表', '户口簿', '银行账户信息'], '具有本地户籍、年满八十周岁的老年人', { amountMax: 2400, noticeLaw: '《中华人民共和国老年人权益保障法》' }),

  t(C.CONFIRMATION, '农村土地经营权流转合同备案', '《农村土地经营权流转管理办法》', 'NYFW', 'simple', ['土地经营权流转合同', '承包方身份证明', '土地承包经营权证'], '流转双方自愿、有偿，不改变土地所有权性质和农业用途'),
  t(C.CONFIRMATION, '独生子女父母光荣证发放', '《中华人民共和国人口与计划生育法》', 'BMFW', 'simple', ['申请表', '户口簿', '结婚证'], '符合独生子女父母条件'),
  t(C.CONFIRMATION, '退役军人优待证申领审核', '《中华人民共和国退役军人保障法》', 'BMFW', 'simple', ['优待证申领表', '退役证件', '近期免冠照片'], '户籍在本乡镇（街道）的退役军人'),

  t(C.OTHER, '乡镇小型公益项目建设管理', '《政府投资条例》', 'CZS', 'project', ['项目立项申请', '施工合同', '工程预算书'], '项目已纳入乡镇年度建设计划'),
  t(C.OTHER, '一事一议财政奖补项目管理', '《村民一事一议筹资筹劳管理办法》', 'CZS', 'project', ['村民代表会议决议', '项目实施方案', '施工合同'], '项目经村民一事一议民主程序通过'),
  t(C.OTHER, '农村集体“三资”监管审核', '《农村集体经济组织财务制度》', 'CZS', 'simple', ['集体资产台账', '村级财务收支明细', '民主理财小组意见'], '村集体资金、资产、资源纳入代理监管'),
  t(C.OTHER, '乡镇财政资金支付审核', '《中华人民共和国预算法》', 'CZS', 'simple', ['支付申请单', '合同或协议', '验收证明'], '支出已纳入预算且手续完备', { amountMax: 200000 }),
];

/** Powers per category in each township catalog (12). */
export const TOWNSHIP_QUOTA: Partial<Record<C, number>> = {
  LICENSING: 2,
  PENALTY: 1,
  INSPECTION: 1,
  BENEFIT: 3,
  CONFIRMATION: 2,
  OTHER: 3,
};

/** 村级小微权力: each village publishes one of them in the demo. */
export const VILLAGE_CATALOG: readonly PowerTemplate[] = [
  t(C.OTHER, '村集体资产处置', VILLAGERS, 'CWH', 'villageDecision', ['资产处置方案', '资产评估报告', '集体资产台账'], '处置事项经“四议两公开”程序'),
  t(C.OTHER, '农村宅基地申请审核', '《中华人民共和国土地管理法》', 'CWH', 'villageVetting', ['宅基地申请书', '户口簿', '建房位置示意图'], '本集体经济组织成员，符合“一户一宅”规定'),
  t(C.OTHER, '村级工程项目建设管理', VILLAGERS, 'CWH', 'project', ['村民代表会议决议', '项目预算书', '施工合同'], '项目经村民代表会议表决通过'),
  t(C.OTHER, '村集体经济合同签订', VILLAGERS, 'CWH', 'villageDecision', ['合同草案', '合同相对方资信材料'], '合同事项经民主决策程序'),
  t(C.OTHER, '村级财务收支审批', '《农村集体经济组织财务制度》', 'CWH', 'simple', ['报销凭证', '经办人签字', '民主理财小组审核意见'], '支出事项真实、手续完备', { amountMax: 5000 }),
  t(C.OTHER, '村集体资源发包', VILLAGERS, 'CWH', 'villageDecision', ['资源发包方案', '集体资源清查台账'], '发包方案经村民代表会议表决通过'),
  t(C.BENEFIT, '最低生活保障申请民主评议', RELIEF, 'CWH', 'villageVetting', ['最低生活保障申请书', '家庭成员身份证明'], '申请人户籍在本村（社区）'),
  t(C.CONFIRMATION, '集体经济组织成员身份确认', VILLAGERS, 'CWH', 'villageDecision', ['成员身份确认申请表', '户口簿'], '依法确认，程序公开'),
];
