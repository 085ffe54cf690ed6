import type { CheckpointRule } from '../checkpoint/checkpoint-rule';
import type { SnapshotStep } from '../clients/power-snapshot';

/** The case figures an AMOUNT_LIMIT may name, as a clerk reads them. */
const FIELD_LABEL: Record<string, string> = {
  contractPrice: '合同价',
  amount: '金额',
  penalty: '罚款金额',
  paidTotal: '累计支付金额',
  changeTotal: '累计变更金额',
};

/** Said of a rule whose parameters cannot be checked: `evaluateCheckpoints` refuses every transition under it. */
const MISCONFIGURED = '关卡参数不完整或有误，系统将拒绝本环节流转，请联系权力清单管理部门更正';

const yuan = (n: number) => `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n)} 元`;
const percent = (share: number) => `${Math.round(share * 10000) / 100}%`;
const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * A checkpoint's parameters in words (zh-CN): what must hold before the case may leave the step,
 * e.g. "单项变更不得超过 500,000 元，累计变更不得超过合同价的 20%". `flow` names the steps a rule refers to.
 */
export function checkpointRequirement(rule: CheckpointRule, flow: readonly SnapshotStep[]): string {
  const p = rule.params;
  switch (rule.kind) {
    case 'REQUIRED_ATTACHMENTS': {
      const names = (Array.isArray(p.attachments) ? p.attachments : []).filter(
        (n) => typeof n === 'string' && n.trim().length > 0,
      );
      return names.length > 0 ? `办结本环节前须上传：${names.map((n) => n.trim()).join('、')}` : MISCONFIGURED;
    }
    case 'AMOUNT_LIMIT': {
      const label = p.field === undefined ? undefined : FIELD_LABEL[p.field];
      return label && isNumber(p.max) ? `${label}不得超过 ${yuan(p.max)}` : MISCONFIGURED;
    }
    case 'PAYMENT_WITHIN_PROGRESS':
      return '累计支付不得超过合同价乘以已确认的工程进度（按进度付款）';
    case 'CONTRACT_CHANGE_LIMIT':
      return isNumber(p.max) && isNumber(p.maxRatio)
        ? `单项变更不得超过 ${yuan(p.max)}，累计变更不得超过合同价的 ${percent(p.maxRatio)}`
        : MISCONFIGURED;
    case 'PENALTY_RANGE':
      return isNumber(p.min) && isNumber(p.max) && p.min <= p.max
        ? `罚款金额须在 ${yuan(p.min)}至 ${yuan(p.max)}之间`
        : MISCONFIGURED;
    case 'MIN_DAYS_BETWEEN_STEPS': {
      const from = flow.find((s) => s.stepNo === p.fromStepNo);
      return from && from.stepNo < rule.stepNo && isNumber(p.days)
        ? `第${from.stepNo}步“${from.name}”办结后须满 ${p.days} 个工作日，方可办结本环节`
        : MISCONFIGURED;
    }
    default:
      return MISCONFIGURED;
  }
}
