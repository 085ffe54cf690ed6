/**
 * What makes a demo power one of the principal leader's own (一把手职权). Seed 001 counts them
 * apart (65 of 492 powers) and names where power concentrates around a head: 人权、财权、事权
 * (appointments, money, major matters), to be checked by 党组会、局务会 collective decisions.
 */
export type PrincipalLeaderKind = '重大决策' | '大额资金' | '工程项目' | '人事任免';

/**
 * The demo templates that are 一把手职权, by name, with the kind that makes them so. The demo
 * catalogs hold no appointment (人事任免) power; licences, penalties and the like stay with the
 * posts that handle them.
 */
export const DEMO_PRINCIPAL_LEADER_POWERS: Readonly<Record<string, PrincipalLeaderKind>> = {
  政府投资项目工程变更审批: '大额资金',
  政府投资项目资金拨付审核: '大额资金',
  市政基础设施工程建设管理: '工程项目',
  政府采购方式变更审批: '大额资金',
  行政事业单位国有资产处置审批: '重大决策',
  乡镇小型公益项目建设管理: '工程项目',
  一事一议财政奖补项目管理: '工程项目',
  乡镇财政资金支付审核: '大额资金',
  村集体资产处置: '重大决策',
  村级工程项目建设管理: '工程项目',
  村集体经济合同签订: '重大决策',
  村级财务收支审批: '大额资金',
  村集体资源发包: '工程项目',
};
