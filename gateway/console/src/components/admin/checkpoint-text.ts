import { CHECKPOINT_KINDS, type CheckpointKind, type CheckpointParams } from '../../api/admin-queries';

/** A checkpoint kind's name in Chinese. */
export function checkpointKindLabel(kind: CheckpointKind): string {
  return CHECKPOINT_KINDS.find((k) => k.value === kind)?.label ?? '其他关卡';
}

/** A checkpoint's rule in words, from its kind and parameters. */
export function checkpointRuleText(kind: CheckpointKind, p: CheckpointParams): string {
  switch (kind) {
    case 'REQUIRED_ATTACHMENTS':
      return `须提交：${(p.attachments ?? []).join('、')}`;
    case 'AMOUNT_LIMIT':
      return `金额字段“${p.field ?? ''}”不超过 ${p.max ?? ''} 元`;
    case 'PAYMENT_WITHIN_PROGRESS':
      return '累计付款不超过工程进度';
    case 'CONTRACT_CHANGE_LIMIT':
      return `单次变更不超过 ${p.max ?? ''} 元，累计变更不超过合同价的 ${Math.round((p.maxRatio ?? 0) * 1000) / 10}%`;
    case 'PENALTY_RANGE':
      return `罚款在 ${p.min ?? ''}–${p.max ?? ''} 元之间`;
    case 'MIN_DAYS_BETWEEN_STEPS':
      return `距第 ${p.fromStepNo ?? ''} 步不少于 ${p.days ?? ''} 个工作日`;
  }
}
