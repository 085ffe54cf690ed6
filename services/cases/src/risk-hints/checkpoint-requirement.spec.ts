import type { CheckpointKindName } from '@sunlight/shared';
import type { CheckpointRule } from '../checkpoint/checkpoint-rule';
import { aPowerSnapshot } from '../testing/power-snapshot.builder';
import { checkpointRequirement } from './checkpoint-requirement';

const flow = aPowerSnapshot().withFlow(2, 3, 3).build().flow;
const MISCONFIGURED = '关卡参数不完整或有误，系统将拒绝本环节流转，请联系权力清单管理部门更正';

function rule(kind: CheckpointKindName, params: CheckpointRule['params'], stepNo = 3): CheckpointRule {
  return { id: 'cp-1', stepNo, kind, params, legalBasis: '《测试条例》第三条', description: '说明' };
}

describe('checkpointRequirement', () => {
  it.each<[CheckpointKindName, CheckpointRule['params'], string]>([
    ['REQUIRED_ATTACHMENTS', { attachments: [' 申请书', '营业执照 '] }, '办结本环节前须上传：申请书、营业执照'],
    ['AMOUNT_LIMIT', { field: 'amount', max: 50000 }, '金额不得超过 50,000 元'],
    ['AMOUNT_LIMIT', { field: 'paidTotal', max: 1234567.5 }, '累计支付金额不得超过 1,234,567.5 元'],
    ['PAYMENT_WITHIN_PROGRESS', {}, '累计支付不得超过合同价乘以已确认的工程进度（按进度付款）'],
    [
      'CONTRACT_CHANGE_LIMIT',
      { max: 500000, maxRatio: 0.2 },
      '单项变更不得超过 500,000 元，累计变更不得超过合同价的 20%',
    ],
    ['PENALTY_RANGE', { min: 1000, max: 30000 }, '罚款金额须在 1,000 元至 30,000 元之间'],
    ['MIN_DAYS_BETWEEN_STEPS', { fromStepNo: 1, days: 7 }, '第1步“第1步”办结后须满 7 个工作日，方可办结本环节'],
  ])('says a %s rule with %j as %s', (kind, params, words) => {
    expect(checkpointRequirement(rule(kind, params), flow)).toBe(words);
  });

  it.each<[CheckpointKindName, CheckpointRule['params']]>([
    ['REQUIRED_ATTACHMENTS', { attachments: ['  '] }],
    ['AMOUNT_LIMIT', { field: 'progress', max: 1 }],
    ['AMOUNT_LIMIT', { field: 'amount' }],
    ['CONTRACT_CHANGE_LIMIT', { max: 500000 }],
    ['PENALTY_RANGE', { min: 500, max: 100 }],
    ['MIN_DAYS_BETWEEN_STEPS', { fromStepNo: 3, days: 7 }],
    ['MIN_DAYS_BETWEEN_STEPS', { fromStepNo: 9, days: 7 }],
  ])('says a %s rule with unusable params %j refuses every transition, as the checks do', (kind, params) => {
    expect(checkpointRequirement(rule(kind, params), flow)).toBe(MISCONFIGURED);
  });

  it('does not pass off a kind it does not know', () => {
    expect(checkpointRequirement(rule('NO_SUCH_KIND' as CheckpointKindName, {}), flow)).toBe(MISCONFIGURED);
  });
});
