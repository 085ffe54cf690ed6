import type { CaseEvent } from '../../api/clerk-queries';
import { OUTCOME_LABEL, SUSPEND_REASONS } from './case-labels';

type Payload = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const yuan = (v: unknown): string => (typeof v === 'number' ? `${v.toLocaleString('zh-CN')} 元` : '');

/** One trace event's data (canonical JSON) in a line a clerk reads. */
export function eventSummary(e: CaseEvent): string {
  let p: Payload;
  try {
    p = JSON.parse(e.payload) as Payload;
  } catch {
    return '';
  }
  switch (e.kind) {
    case 'FILED':
      return `受理，申请事项：${str(p['details'])}`;
    case 'STEP_ADVANCED': {
      const extra = [
        p['payment'] != null ? `支付 ${yuan(p['payment'])}` : '',
        p['contractChange'] != null ? `合同变更 ${yuan(p['contractChange'])}` : '',
      ].filter(Boolean);
      return `第 ${str(p['from'])} 环节办结：${str(p['result'])}${extra.length ? `（${extra.join('，')}）` : ''}`;
    }
    case 'COMPLETED':
      return `${OUTCOME_LABEL[str(p['outcome'])] ?? ''}：${str(p['result'])}`;
    case 'RETURNED':
      return `由第 ${str(p['from'])} 环节退回第 ${str(p['to'])} 环节：${str(p['reason'])}`;
    case 'SUSPENDED':
      return `${SUSPEND_REASONS.find((r) => r.value === p['reason'])?.label ?? ''}：${str(p['note'])}`;
    case 'RESUMED':
      return '恢复办理，继续计时';
    case 'EXTENDED':
      return `延期 ${str(p['days'])} 个工作日：${str(p['reason'])}`;
    case 'WITHDRAWN':
      return `撤回：${str(p['reason'])}`;
    case 'CHECKPOINT_BLOCKED':
    case 'ACTION_REFUSED':
      return `第 ${str(p['step'])} 环节：${str(p['message'])}`;
    default:
      return str(p['reason']) || str(p['message']);
  }
}
