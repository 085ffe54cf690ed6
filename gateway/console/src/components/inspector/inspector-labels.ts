/** What the inspector's pages show for the API's codes (zh-CN); an unknown code shows as is. */

const label =
  (labels: Record<string, string>) =>
  (code: string | null | undefined): string =>
    code ? (labels[code] ?? code) : '—';

export const ALERT_LEVEL_LABEL: Record<string, string> = { RED: '红色预警', YELLOW: '黄色预警', REMINDER: '提醒' };
export const alertLevel = label(ALERT_LEVEL_LABEL);

export const alertKind = label({
  CARD: '办件亮牌',
  CHECKPOINT_BLOCKED: '电子关卡拦截',
  LOW_RATING: '群众差评',
  COMPLAINT_OVERDUE: '投诉超期',
  COMPLAINT_ESCALATED: '投诉提级',
  NOTICE_OVERDUE: '整改超期',
  CALENDAR_NOT_LOADED: '工作日历缺失',
});

export const alertStatus = label({ OPEN: '待处理', ACKNOWLEDGED: '已确认', DISPOSED: '已处置' });

export const DISPOSAL_KINDS: { value: string; label: string }[] = [
  { value: 'DISMISSED', label: '排除' },
  { value: 'NOTICE_ISSUED', label: '已发建议书' },
  { value: 'ACCOUNTABILITY_STARTED', label: '启动问责' },
];
export const disposalKind = label(Object.fromEntries(DISPOSAL_KINDS.map((k) => [k.value, k.label])));

export const COMPLAINT_STATUSES: { value: string; label: string }[] = [
  { value: 'RECEIVED', label: '待受理' },
  { value: 'TRANSFERRED', label: '已转办待受理' },
  { value: 'ACCEPTED', label: '已受理' },
  { value: 'INVESTIGATING', label: '调查核实中' },
  { value: 'CONCLUDED', label: '已办结' },
  { value: 'FEEDBACK_GIVEN', label: '已反馈' },
];
export const complaintStatus = label(Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s.value, s.label])));

export const complaintCategory = label({
  INACTION: '不作为',
  SLOW_ACTION: '慢作为',
  MISCONDUCT: '乱作为',
  ATTITUDE: '服务态度',
  ASKING_FAVOURS: '吃拿卡要',
  ABUSE_OF_POWER: '滥用职权',
  OTHER: '其他',
});

export const complaintChannel = label({ WEB: '网上', HOTLINE: '效能热线', WINDOW: '窗口', LETTER: '来信' });

export const accusedKind = label({ UNIT: '单位', LEADERSHIP: '领导班子', DEPARTMENT: '部门', PERSON: '个人' });

export const COMPLAINT_CONCLUSIONS: { value: string; label: string }[] = [
  { value: 'SUBSTANTIATED', label: '属实' },
  { value: 'PARTLY_SUBSTANTIATED', label: '部分属实' },
  { value: 'UNSUBSTANTIATED', label: '不属实' },
];
export const complaintConclusion = label(Object.fromEntries(COMPLAINT_CONCLUSIONS.map((c) => [c.value, c.label])));

export const complaintEvent = label({
  FILED: '收到投诉',
  EVIDENCE_ADDED: '补充证据',
  ACCEPT: '受理',
  INVESTIGATE: '开始调查核实',
  CONCLUDE: '办结',
  GIVE_FEEDBACK: '反馈投诉人',
  TRANSFER: '转办',
  EXTEND: '批准延期',
  REVEAL_IDENTITY: '查看投诉人身份（已记录）',
  OVERDUE: '超期',
  ESCALATED: '提级办理',
});

export const complaintStage = label({ ACCEPT: '受理', CONCLUDE: '办结' });

export const NOTICE_KINDS: { value: string; label: string }[] = [
  { value: 'INSPECTION', label: '检查建议书' },
  { value: 'SUPERVISION', label: '监察建议书' },
];
export const noticeKind = label(Object.fromEntries(NOTICE_KINDS.map((k) => [k.value, k.label])));
export const noticeStatus = label({ OPEN: '整改中', CLOSED: '已完成整改' });
export const noticeItemStatus = label({
  PENDING: '待整改',
  ANSWERED: '已报告，待审核',
  RETURNED: '已退回重新整改',
  ACCEPTED: '已通过审核',
});

export const TARGET_KINDS: { value: string; label: string }[] = [
  { value: 'UNIT', label: '单位' },
  { value: 'LEADERSHIP', label: '领导班子' },
  { value: 'KEY_POST', label: '重点岗位' },
];
export const targetKind = label(Object.fromEntries(TARGET_KINDS.map((k) => [k.value, k.label])));
export const REVIEWER_KINDS: { value: string; label: string }[] = [
  { value: 'PUBLIC', label: '群众' },
  { value: 'REPRESENTATIVE', label: '代表' },
  { value: 'STAFF', label: '干部职工' },
];
export const reviewerKind = label(Object.fromEntries(REVIEWER_KINDS.map((k) => [k.value, k.label])));
export const campaignStatus = label({ OPEN: '进行中', CLOSED: '已结束' });
export const tier = label({ CITY: '市级', COUNTY: '县级', TOWNSHIP: '乡镇级', VILLAGE: '村级' });
