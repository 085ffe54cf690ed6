import type { AmountsInput, PowerCheckpoint } from '../../api/clerk-queries';

export type AmountField = keyof AmountsInput;

/** The amount fields (AmountsInput) as a clerk reads them. */
export const AMOUNT_LABEL: Record<AmountField, string> = {
  contractPrice: '合同价款（元）',
  amount: '申请或核定金额（元）',
  penalty: '罚款金额（元）',
  progress: '工程进度（0-1）',
};

const AMOUNT_FIELDS = new Set<string>(Object.keys(AMOUNT_LABEL));

/** What a set of checkpoints asks of the clerk: materials by name, amounts, a payment, a change. */
export interface CheckpointNeeds {
  attachments: string[];
  amounts: AmountField[];
  payment: boolean;
  contractChange: boolean;
}

/**
 * The inputs the checkpoints judge: required materials by name, the amount fields an AMOUNT_LIMIT
 * names (or a penalty range, a contract's price and progress), and whether a payment or a contract
 * change is judged. `stepNo` keeps one step's rules; without it, every step's (for filing).
 */
export function checkpointNeeds(checkpoints: readonly PowerCheckpoint[], stepNo?: number): CheckpointNeeds {
  const attachments = new Set<string>();
  const amounts = new Set<AmountField>();
  let payment = false;
  let contractChange = false;
  for (const c of checkpoints) {
    if (stepNo !== undefined && c.stepNo !== stepNo) continue;
    switch (c.kind) {
      case 'REQUIRED_ATTACHMENTS':
        for (const name of c.params.attachments ?? []) attachments.add(name.trim());
        break;
      case 'AMOUNT_LIMIT':
        if (c.params.field && AMOUNT_FIELDS.has(c.params.field)) amounts.add(c.params.field as AmountField);
        break;
      case 'PENALTY_RANGE':
        amounts.add('penalty');
        break;
      case 'CONTRACT_CHANGE_LIMIT':
        amounts.add('contractPrice');
        contractChange = true;
        break;
      case 'PAYMENT_WITHIN_PROGRESS':
        amounts.add('contractPrice');
        amounts.add('progress');
        payment = true;
        break;
      case 'MIN_DAYS_BETWEEN_STEPS':
        break;
    }
  }
  const order = Object.keys(AMOUNT_LABEL) as AmountField[];
  return {
    attachments: [...attachments],
    amounts: order.filter((f) => amounts.has(f)),
    payment,
    contractChange,
  };
}

/** The amounts the clerk entered, without the empty ones; undefined when none. */
export function enteredAmounts(values: Partial<Record<AmountField, number | undefined>>): AmountsInput | undefined {
  const out: AmountsInput = {};
  for (const [k, v] of Object.entries(values))
    if (typeof v === 'number' && Number.isFinite(v)) out[k as AmountField] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}
