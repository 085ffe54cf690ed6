import type { PowerCheckpoint } from '../../api/clerk-queries';
import { AMOUNT_LABEL } from './checkpoint-needs';

const yuan = (n: number | undefined): string => (n === undefined ? '—' : `${n.toLocaleString('zh-CN')} 元`);

/** A checkpoint's parameters in words, e.g. 须提交：申请书、营业执照复印件. */
export function checkpointText(c: PowerCheckpoint): string {
  const p = c.params;
  switch (c.kind) {
    case 'REQUIRED_ATTACHMENTS':
      return `须提交：${(p.attachments ?? []).join('、')}`;
    case 'AMOUNT_LIMIT': {
      const label = p.field && p.field in AMOUNT_LABEL ? AMOUNT_LABEL[p.field as keyof typeof AMOUNT_LABEL] : p.field;
      return `${String(label ?? '金额').replace(/（.*）$/, '')}不得超过 ${yuan(p.max)}`;
    }
    case 'PENALTY_RANGE':
      return `罚款金额须在 ${yuan(p.min)} 至 ${yuan(p.max)} 之间`;
    case 'CONTRACT_CHANGE_LIMIT':
      return `单项变更不得超过 ${yuan(p.max)}${p.maxRatio !== undefined ? `，累计变更不得超过合同价款的 ${Math.round(p.maxRatio * 100)}%` : ''}`;
    case 'PAYMENT_WITHIN_PROGRESS':
      return '累计支付不得超过合同价款乘以工程进度';
    case 'MIN_DAYS_BETWEEN_STEPS':
      return `距第 ${p.fromStepNo ?? '—'} 环节办结须满 ${p.days ?? '—'} 个工作日`;
  }
}
