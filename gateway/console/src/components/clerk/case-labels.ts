import type { CardLevel, CheckpointKind } from '../../api/clerk-queries';

/** Cards as the rules name them: 提醒 at 80% of a step's time, 黄牌 overdue, 红牌 badly overdue. */
export const CARD_LABEL: Record<CardLevel, string> = { REMINDER: '提醒', YELLOW: '黄牌', RED: '红牌' };

export const CHECKPOINT_KIND_LABEL: Record<CheckpointKind, string> = {
  REQUIRED_ATTACHMENTS: '必备材料',
  AMOUNT_LIMIT: '金额上限',
  PAYMENT_WITHIN_PROGRESS: '按进度支付',
  CONTRACT_CHANGE_LIMIT: '合同变更限额',
  PENALTY_RANGE: '罚款幅度',
  MIN_DAYS_BETWEEN_STEPS: '环节最短间隔',
};

/** Kinds of trace events (全程留痕). */
export const EVENT_KIND_LABEL: Record<string, string> = {
  FILED: '受理',
  STEP_ADVANCED: '环节办结',
  RETURNED: '退回',
  SUSPENDED: '中止',
  RESUMED: '恢复办理',
  EXTENDED: '延期',
  COMPLETED: '办结',
  WITHDRAWN: '撤回',
  CHECKPOINT_BLOCKED: '电子关卡拦截',
  ACTION_REFUSED: '操作被拒绝',
  CARD_RAISED: '亮牌',
};

export const SUSPEND_REASONS: { value: string; label: string }[] = [
  { value: 'HEARING', label: '听证' },
  { value: 'EXPERT_APPRAISAL', label: '专家评审/鉴定' },
  { value: 'SUPPLEMENT_MATERIALS', label: '补正材料' },
  { value: 'OTHER', label: '其他' },
];

export const STEP_STATE_LABEL: Record<string, string> = { DONE: '已完成', CURRENT: '当前环节', PENDING: '未开始' };

export const OUTCOME_LABEL: Record<string, string> = { APPROVED: '准予', REJECTED: '不予' };
