import { PowerCategory as C } from '../power/power-category';
import type { FlowKind, PowerTemplate } from './demo-flows';

type Extra = Pick<PowerTemplate, 'fees' | 'amountMax' | 'penalty' | 'noticeLaw'>;

function t(
  category: C,
  name: string,
  law: string,
  department: string,
  flow: FlowKind,
  attachments: string[],
  conditions: string,
  extra: Extra = {},
): PowerTemplate {
  return { category, name, law, department, flow, attachments, conditions, ...extra };
}

const FOOD = '《中华人民共和国食品安全法》';
const PLANNING = '《中华人民共和国城乡规划法》';
const LAND = '《中华人民共和国土地管理法》';
const RELIEF = '《社会救助暂行办法》';
const PENALTY_FORMS = ['案件来源登记表', '立案审批表', '现场检查笔录'];
const CHECK_FORMS = ['检查通知书', '检查事项清单', '执法人员执法证件'];
const FIRM = '申请人依法设立，具备相应资质和条件';

/** Powers of a city or county (市/县/区) government: at least as many per category as the quotas. */
export const BUREAU_CATALOG: readonly PowerTemplate[] = [
  t(C.LICENSING, '食品经营许可', FOOD, 'SPJ', 'licensing', ['食品经营许可申请书', '营业执照复印件', '食品安全管理制度文本', '经营场所平面布局图'], '具有与经营的食品品种、数量相适应的经营场所、设备设施和食品安全管理人员'),
  t(C.LICENSING, '食品生产许可', FOOD, 'SPJ', 'licensing', ['食品生产许可申请书', '营业执照复印件', '生产工艺流程图', '食品安全管理制度文本'], '具有与生产的食品品种、数量相适应的生产场所、设备和工艺流程'),
  t(C.LICENSING, '药品零售企业经营许可', '《中华人民共和国药品管理法》', 'SPJ', 'licensing', ['药品经营许可证申请表', '执业药师资格证书', '经营场所证明文件'], '配备依法经过资格认定的药师，具有与所经营药品相适应的营业场所和质量管理制度'),
  t(C.LICENSING, '建筑工程施工许可', '《中华人民共和国建筑法》', 'SPJ', 'licensing', ['建筑工程施工许可申请表', '建设工程规划许可证', '施工合同', '施工图审查合格书'], '已办理用地批准手续，取得规划许可，施工图设计文件已按规定审查合格'),
  t(C.LICENSING, '建设工程规划许可', PLANNING, 'SPJ', 'licensing', ['建设工程规划许可申请表', '土地权属证明', '建设工程设计方案'], '符合控制性详细规划和规划条件'),
  t(C.LICENSING, '建设用地规划许可', PLANNING, 'SPJ', 'licensing', ['建设用地规划许可申请表', '项目批准文件', '用地红线图'], '项目已批准、核准或备案，符合国土空间规划'),
  t(C.LICENSING, '取水许可', '《取水许可和水资源费征收管理条例》', 'SPJ', 'licensing', ['取水许可申请书', '建设项目水资源论证报告', '取水工程设计文件'], '取水符合水资源规划和用水总量控制要求'),
  t(C.LICENSING, '户外广告设置许可', '《城市市容和环境卫生管理条例》', 'SPJ', 'licensing', ['户外广告设置申请表', '广告设计效果图', '场地使用证明'], '符合户外广告设置规划，设施结构安全'),
  t(C.LICENSING, '城市道路占用挖掘许可', '《城市道路管理条例》', 'SPJ', 'licensing', ['占用挖掘道路申请表', '施工方案及交通疏导方案', '道路修复承诺书'], '因工程建设确需占用、挖掘城市道路', { fees: '按占用面积和期限收取城市道路占用费' }),
  t(C.LICENSING, '商品房预售许可', '《中华人民共和国城市房地产管理法》', 'SPJ', 'licensing', ['商品房预售许可申请表', '国有土地使用权证明', '建设工程规划许可证', '预售资金监管协议'], '已交付全部土地使用权出让金，投入开发建设资金达到工程建设总投资的25%以上'),
  t(C.LICENSING, '燃气经营许可', '《城镇燃气管理条例》', 'SPJ', 'licensing', ['燃气经营许可申请表', '燃气设施竣工验收文件', '安全管理制度文本'], '符合燃气发展规划，有符合国家标准的燃气气源和燃气设施'),
  t(C.LICENSING, '民办学校办学许可', '《中华人民共和国民办教育促进法》', 'SPJ', 'licensing', ['筹设批准书', '办学章程', '校舍和办学设施证明', '资产来源证明'], '具备法定的办学条件，举办者资产已足额过户'),
  t(C.LICENSING, '危险化学品经营许可', '《危险化学品安全管理条例》', 'SPJ', 'licensing', ['危险化学品经营许可申请表', '经营场所产权或租赁证明', '安全评价报告'], '有符合国家标准的经营场所和储存设施，从业人员经专业技术培训'),
  t(C.LICENSING, '公共场所卫生许可', '《公共场所卫生管理条例》', 'SPJ', 'licensing', ['卫生许可申请表', '从业人员健康合格证明', '卫生检测报告'], '经营场所、设施设备和从业人员符合卫生要求'),
  t(C.LICENSING, '城镇污水排入排水管网许可', '《城镇排水与污水处理条例》', 'SPJ', 'licensing', ['排水许可申请表', '排水户内部排水管网图', '水质检测报告'], '排放污水水质符合国家或者地方规定的排放标准'),
  t(C.LICENSING, '人力资源服务许可', '《人力资源市场暂行条例》', 'SPJ', 'licensing', ['人力资源服务许可申请书', '营业执照复印件', '专职工作人员资格证明'], FIRM),

  t(C.PENALTY, '对未取得食品经营许可从事食品经营活动的处罚', FOOD, 'SCJG', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [50000, 100000] }),
  t(C.PENALTY, '对经营超过保质期食品的处罚', FOOD, 'SCJG', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [50000, 100000] }),
  t(C.PENALTY, '对销售不符合保障人体健康安全标准产品的处罚', '《中华人民共和国产品质量法》', 'SCJG', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [10000, 300000] }),
  t(C.PENALTY, '对发布虚假广告的处罚', '《中华人民共和国广告法》', 'SCJG', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [200000, 1000000] }),
  t(C.PENALTY, '对经营者不按规定明码标价的处罚', '《中华人民共和国价格法》', 'SCJG', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [500, 5000] }),
  t(C.PENALTY, '对使用不合格计量器具的处罚', '《中华人民共和国计量法》', 'SCJG', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [2000, 20000] }),
  t(C.PENALTY, '对非法占用土地进行建设的处罚', LAND, 'ZRZY', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [10000, 300000] }),
  t(C.PENALTY, '对未取得采矿许可证擅自采矿的处罚', '《中华人民共和国矿产资源法》', 'ZRZY', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [10000, 500000] }),
  t(C.PENALTY, '对未取得建设工程规划许可证进行建设的处罚', PLANNING, 'ZRZY', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [50000, 500000] }),
  t(C.PENALTY, '对未取得施工许可证擅自施工的处罚', '《中华人民共和国建筑法》', 'ZJ', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [10000, 200000] }),
  t(C.PENALTY, '对建设单位将建设工程肢解发包的处罚', '《建设工程质量管理条例》', 'ZJ', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [50000, 1000000] }),
  t(C.PENALTY, '对施工工地未采取扬尘防治措施的处罚', '《中华人民共和国大气污染防治法》', 'ZJ', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [10000, 100000] }),
  t(C.PENALTY, '对物业服务企业擅自改变物业管理用房用途的处罚', '《物业管理条例》', 'ZJ', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [10000, 100000] }),
  t(C.PENALTY, '对擅自设置户外广告设施的处罚', '《城市市容和环境卫生管理条例》', 'ZJ', 'penalty', PENALTY_FORMS, '违法事实清楚、证据确凿', { penalty: [500, 10000] }),

  t(C.INSPECTION, '食品生产经营监督检查', FOOD, 'SCJG', 'inspection', CHECK_FORMS, '按年度抽查计划或投诉举报启动'),
  t(C.INSPECTION, '特种设备安全监督检查', '《中华人民共和国特种设备安全法》', 'SCJG', 'inspection', CHECK_FORMS, '按年度抽查计划或事故隐患线索启动'),
  t(C.INSPECTION, '价格监督检查', '《中华人民共和国价格法》', 'SCJG', 'inspection', CHECK_FORMS, '按专项检查部署或举报线索启动'),
  t(C.INSPECTION, '建筑施工安全监督检查', '《建设工程安全生产管理条例》', 'ZJ', 'inspection', CHECK_FORMS, '对在建工程按计划开展检查'),
  t(C.INSPECTION, '土地利用动态巡查', LAND, 'ZRZY', 'inspection', CHECK_FORMS, '结合卫片执法开展日常巡查'),
  t(C.INSPECTION, '养老机构监督检查', '《养老机构管理办法》', 'MZ', 'inspection', CHECK_FORMS, '每年至少开展一次全覆盖检查'),
  t(C.INSPECTION, '财政专项资金使用情况检查', '《财政违法行为处罚处分条例》', 'CZ', 'inspection', CHECK_FORMS, '按年度监督检查计划启动'),

  t(C.COERCION, '查封、扣押不符合食品安全标准的食品', FOOD, 'SCJG', 'coercion', ['现场检查笔录', '抽样检验报告', '负责人审批表'], '有证据证明不符合食品安全标准'),
  t(C.COERCION, '查封、扣押存在严重事故隐患的特种设备', '《中华人民共和国特种设备安全法》', 'SCJG', 'coercion', ['现场检查笔录', '隐患认定意见', '负责人审批表'], '有证据表明特种设备存在严重事故隐患'),
  t(C.COERCION, '查封违法建设施工现场', PLANNING, 'ZRZY', 'coercion', ['责令停止建设决定书', '现场勘验笔录', '负责人审批表'], '已责令停止建设而当事人拒不停止'),
  t(C.COERCION, '强制拆除违法建筑物、构筑物', PLANNING, 'ZRZY', 'coercion', ['限期拆除决定书', '催告书及送达回证', '强制执行决定审批表'], '限期拆除决定生效后当事人逾期不拆除'),

  t(C.LEVY, '城市基础设施配套费征收', '《城市房地产开发经营管理条例》', 'ZJ', 'levy', ['建设工程规划许可证', '配套费缴费申报表'], '新建、改建、扩建建设项目', { fees: '按建筑面积标准征收', amountMax: 5000000 }),
  t(C.LEVY, '土地复垦费征收', '《土地复垦条例》', 'ZRZY', 'levy', ['土地复垦方案', '损毁土地面积测量报告'], '生产建设活动损毁土地且不能自行复垦', { fees: '按土地复垦方案确定的费用标准征收', amountMax: 2000000 }),
  t(C.LEVY, '耕地开垦费征收', LAND, 'ZRZY', 'levy', ['建设用地批准文件', '占用耕地面积核定表'], '非农业建设经批准占用耕地且没有条件开垦', { fees: '按省定标准征收', amountMax: 5000000 }),
  t(C.LEVY, '防空地下室易地建设费征收', '《中华人民共和国人民防空法》', 'ZJ', 'levy', ['易地建设申请表', '建设工程规划许可证'], '按规定应修建防空地下室但确因条件限制不能修建', { fees: '按应建防空地下室面积征收', amountMax: 3000000 }),
  t(C.LEVY, '污水处理费征收', '《城镇排水与污水处理条例》', 'ZJ', 'levy', ['排水户用水量核定表', '缴费申报表'], '向城镇排水设施排放污水的单位和个人', { fees: '按用水量和核定单价征收', amountMax: 500000 }),

  t(C.BENEFIT, '最低生活保障金给付', RELIEF, 'MZ', 'publicNotice', ['最低生活保障申请书', '家庭成员身份证明', '家庭经济状况核对授权书'], '共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合财产状况规定', { amountMax: 12000, noticeLaw: '《最低生活保障审核确认办法》' }),
  t(C.BENEFIT, '特困人员救助供养金给付', RELIEF, 'MZ', 'publicNotice', ['特困人员救助供养申请书', '身份证明', '劳动能力评估材料'], '无劳动能力、无生活来源且无法定赡养抚养扶养义务人', { amountMax: 15000, noticeLaw: '《特困人员认定办法》' }),
  t(C.BENEFIT, '临时救助金给付', RELIEF, 'MZ', 'publicNotice', ['临时救助申请书', '困难情况证明材料'], '因突发事件、意外事故等导致基本生活暂时出现严重困难', { amountMax: 10000, noticeLaw: RELIEF }),
  t(C.BENEFIT, '困难残疾人生活补贴给付', '《中华人民共和国残疾人保障法》', 'MZ', 'publicNotice', ['补贴申请表', '残疾人证', '低保证明'], '持有残疾人证且属于最低生活保障家庭', { amountMax: 3000, noticeLaw: RELIEF }),
  t(C.BENEFIT, '高龄津贴给付', '《中华人民共和国老年人权益保障法》', 'MZ', 'publicNotice', ['高龄津贴申请表', '户口簿', '银行账户信息'], '具有本市户籍、年满八十周岁的老年人', { amountMax: 2400, noticeLaw: '《中华人民共和国老年人权益保障法》' }),
  t(C.BENEFIT, '孤儿基本生活费给付', '《国务院办公厅关于加强孤儿保障工作的意见》', 'MZ', 'publicNotice', ['孤儿认定申请表', '父母死亡或宣告失踪证明', '监护人身份证明'], '父母双方死亡或被宣告失踪的未满十八周岁未成年人', { amountMax: 20000, noticeLaw: '《国务院办公厅关于加强孤儿保障工作的意见》' }),

  t(C.CONFIRMATION, '不动产登记', '《不动产登记暂行条例》', 'ZRZY', 'simple', ['不动产登记申请书', '权属来源证明', '不动产界址图'], '权属清楚、界址清晰、面积准确', { fees: '住宅类每件80元，非住宅类每件550元' }),
  t(C.CONFIRMATION, '房屋租赁登记备案', '《商品房屋租赁管理办法》', 'ZJ', 'simple', ['房屋租赁合同', '房屋权属证明', '当事人身份证明'], '租赁房屋符合安全、防灾等要求'),
  t(C.CONFIRMATION, '建设工程竣工验收备案', '《房屋建筑和市政基础设施工程竣工验收备案管理办法》', 'ZJ', 'simple', ['竣工验收备案表', '竣工验收报告', '消防验收意见'], '工程已竣工验收合格'),
  t(C.CONFIRMATION, '社会团体成立登记', '《社会团体登记管理条例》', 'MZ', 'simple', ['登记申请书', '章程草案', '业务主管单位批准文件'], '有50个以上个人会员或30个以上单位会员，有规范的名称和组织机构'),
  t(C.CONFIRMATION, '婚姻登记', '《婚姻登记条例》', 'MZ', 'simple', ['户口簿', '居民身份证', '本人无配偶及无直系血亲关系的签字声明'], '男女双方完全自愿，达到法定婚龄'),
  t(C.CONFIRMATION, '食品小作坊登记', FOOD, 'SCJG', 'simple', ['登记申请表', '从业人员健康证明', '生产场所证明'], '有固定的生产场所和必要的生产设备'),

  t(C.REWARD, '对举报食品安全违法行为的奖励', FOOD, 'SCJG', 'reward', ['举报奖励申请表', '举报人身份证明', '案件查处结果'], '举报内容经查证属实并依法作出处理'),
  t(C.REWARD, '对见义勇为人员的表彰奖励', '《见义勇为人员奖励和保护条例》', 'MZ', 'reward', ['见义勇为确认申报表', '事迹材料', '证人证言'], '不负法定职责、义务，为保护国家、集体利益或他人人身财产安全挺身而出'),
  t(C.REWARD, '对节约集约利用土地成绩显著单位和个人的奖励', LAND, 'ZRZY', 'reward', ['奖励推荐表', '事迹材料'], '在保护和开发土地资源、合理利用土地方面成绩显著'),
  t(C.REWARD, '对举报违法建设行为的奖励', PLANNING, 'ZJ', 'reward', ['举报奖励申请表', '查处结果告知书'], '举报内容经查证属实'),

  t(C.ADJUDICATION, '土地权属争议裁决', '《土地权属争议调查处理办法》', 'ZRZY', 'adjudication', ['争议调处申请书', '权属来源证明', '争议地块示意图'], '单位之间、个人与单位之间的土地所有权或使用权争议'),
  t(C.ADJUDICATION, '林木林地权属争议处理', '《中华人民共和国森林法》', 'ZRZY', 'adjudication', ['争议处理申请书', '林权证明材料', '争议林地四至图'], '林木、林地所有权或使用权争议经协商不成'),
  t(C.ADJUDICATION, '矿业权权属纠纷裁决', '《中华人民共和国矿产资源法》', 'ZRZY', 'adjudication', ['纠纷裁决申请书', '勘查或采矿许可证', '矿区范围图'], '矿区范围争议经协商不成'),

  t(C.OTHER, '政府投资项目工程变更审批', '《政府投资条例》', 'ZJ', 'project', ['项目立项批复', '施工合同', '设计变更申请及预算'], '变更符合规划和批复建设内容'),
  t(C.OTHER, '政府投资项目资金拨付审核', '《中华人民共和国预算法》', 'CZ', 'project', ['项目预算批复', '施工合同', '工程进度确认单'], '资金已纳入预算，工程进度经监理确认'),
  t(C.OTHER, '市政基础设施工程建设管理', '《建设工程质量管理条例》', 'ZJ', 'project', ['项目立项批复', '招标文件', '施工图审查合格书'], '项目已纳入年度建设计划'),
  t(C.OTHER, '政府采购方式变更审批', '《中华人民共和国政府采购法》', 'CZ', 'simple', ['采购方式变更申请表', '专家论证意见', '单一来源公示情况'], '符合采用非公开招标方式的法定情形'),
  t(C.OTHER, '行政事业单位国有资产处置审批', '《行政事业性国有资产管理条例》', 'CZ', 'simple', ['资产处置申请表', '资产评估报告', '单位集体决策纪要'], '资产权属清晰，处置方式符合规定'),
  t(C.OTHER, '社会组织年度检查', '《社会团体登记管理条例》', 'MZ', 'simple', ['年度工作报告书', '财务审计报告'], '已在登记管理机关登记满一个年度'),
];

/** Powers per category in each city or county catalog (40). */
export const BUREAU_QUOTA: Partial<Record<C, number>> = {
  LICENSING: 11,
  PENALTY: 10,
  INSPECTION: 4,
  COERCION: 2,
  LEVY: 3,
  BENEFIT: 3,
  CONFIRMATION: 3,
  REWARD: 1,
  ADJUDICATION: 1,
  OTHER: 2,
};
