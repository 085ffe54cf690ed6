import type { CheckpointKindName } from '@sunlight/shared';
import type { CheckpointRule } from './checkpoint-rule';
import { evaluateCheckpoints } from './evaluate-checkpoints';
import { aTransition } from './transition-facts.builder';

const BASIS = '《测试条例》第三条';
// The seeds' contract-change and payment checkpoints (demo-power-builder in the powers service).
const CHANGE_BASIS = '《政府投资条例》第二十一条';
const SEED_CHANGE_LIMIT = { max: 500000, maxRatio: 0.2 };
const PAY_BASIS = '《保障中小企业款项支付条例》第九条';

function rule(
  kind: CheckpointKindName,
  params: CheckpointRule['params'],
  more: Partial<CheckpointRule> = {},
): CheckpointRule {
  return { id: `cp-${kind}`, stepNo: 3, kind, params, legalBasis: BASIS, description: `${kind} 说明`, ...more };
}

const leaving3 = () => aTransition().leaving(3);

describe('evaluateCheckpoints', () => {
  describe('REQUIRED_ATTACHMENTS', () => {
    const required = rule('REQUIRED_ATTACHMENTS', { attachments: ['申请书', '营业执照'] });

    it('passes when every named material is attached, names compared after trimming', () => {
      const facts = leaving3().withAttachments(' 申请书', '营业执照 ', '其他材料').build();
      expect(evaluateCheckpoints([required], facts)).toEqual([]);
    });

    it('lists every missing material, joined with 、', () => {
      const [v, ...rest] = evaluateCheckpoints([required], leaving3().withAttachments('申请书（草稿）').build());
      expect(rest).toEqual([]);
      expect(v).toEqual({
        checkpointId: 'cp-REQUIRED_ATTACHMENTS',
        kind: 'REQUIRED_ATTACHMENTS',
        legalBasis: BASIS,
        description: 'REQUIRED_ATTACHMENTS 说明',
        message: `缺少必须提交的材料：申请书、营业执照（${BASIS}）`,
        values: { missing: '申请书、营业执照' },
      });
    });

    it('reports only the materials still missing', () => {
      const [v] = evaluateCheckpoints([required], leaving3().withAttachments('营业执照').build());
      expect(v?.values).toEqual({ missing: '申请书' });
    });
  });

  describe('AMOUNT_LIMIT', () => {
    const limit = rule('AMOUNT_LIMIT', { field: 'amount', max: 1000000 });

    it('passes below and exactly at the limit', () => {
      expect(evaluateCheckpoints([limit], leaving3().withAmounts({ amount: 999999.99 }).build())).toEqual([]);
      expect(evaluateCheckpoints([limit], leaving3().withAmounts({ amount: 1000000 }).build())).toEqual([]);
    });

    it('fails above the limit', () => {
      const [v] = evaluateCheckpoints([limit], leaving3().withAmounts({ amount: 1000000.01 }).build());
      expect(v?.message).toBe(`金额 1000000.01 元超过上限 1000000 元（${BASIS}）`);
      expect(v?.values).toEqual({ field: 'amount', amount: 1000000.01, max: 1000000 });
    });

    it('fails when the amount is missing', () => {
      const [v] = evaluateCheckpoints([limit], leaving3().withAmounts({ contractPrice: 10 }).build());
      expect(v?.message).toBe(`未填写金额，无法核对 1000000 元的上限（${BASIS}）`);
      expect(v?.values).toEqual({ field: 'amount', amount: null, max: 1000000 });
    });

    it('reads the field the rule names', () => {
      const paid = rule('AMOUNT_LIMIT', { field: 'paidTotal', max: 50 });
      const [v] = evaluateCheckpoints([paid], leaving3().withAmounts({ amount: 10, paidTotal: 60 }).build());
      expect(v?.values).toEqual({ field: 'paidTotal', amount: 60, max: 50 });
    });
  });

  describe('PAYMENT_WITHIN_PROGRESS', () => {
    const pay = rule('PAYMENT_WITHIN_PROGRESS', {}, { legalBasis: PAY_BASIS });
    const contract = { contractPrice: 2000000, progress: 0.35 }; // 700000 may be paid

    it('passes up to the contract price times progress, within half a fen', () => {
      for (const paidTotal of [100000, 700000, 700000.004]) {
        expect(
          evaluateCheckpoints(
            [pay],
            leaving3()
              .withAmounts({ ...contract, paidTotal })
              .paying(paidTotal)
              .build(),
          ),
        ).toEqual([]);
      }
    });

    it('fails beyond it, counting every payment so far', () => {
      const facts = leaving3()
        .withAmounts({ ...contract, paidTotal: 700000.01 })
        .paying(100)
        .build();
      const [v] = evaluateCheckpoints([pay], facts);
      expect(v?.message).toBe(
        `累计支付 700000.01 元超过可支付上限 700000 元（合同价款 2000000 元 × 工程进度 0.35）（${PAY_BASIS}）`,
      );
      expect(v?.values).toEqual({ paidTotal: 700000.01, contractPrice: 2000000, progress: 0.35, allowed: 700000 });
    });

    it('absorbs floating-point error and reports the allowance in fen', () => {
      // 1234567.89 × 0.3 = 370370.366999… in floating point
      const at = (paidTotal: number) =>
        leaving3().withAmounts({ contractPrice: 1234567.89, progress: 0.3, paidTotal }).paying(paidTotal).build();
      expect(evaluateCheckpoints([pay], at(370370.37))).toEqual([]);
      expect(evaluateCheckpoints([pay], at(370370.38))[0]?.values).toMatchObject({ allowed: 370370.37 });
    });

    it('never allows more than the price, whatever the progress says', () => {
      const facts = leaving3()
        .withAmounts({ contractPrice: 1000, progress: 1.5, paidTotal: 1200 })
        .paying(1200)
        .build();
      expect(evaluateCheckpoints([pay], facts)[0]?.values).toMatchObject({ allowed: 1000 });
    });

    it('passes with nothing paid even when price and progress are unknown', () => {
      expect(evaluateCheckpoints([pay], leaving3().build())).toEqual([]);
      expect(evaluateCheckpoints([pay], leaving3().withAmounts({ paidTotal: 0 }).build())).toEqual([]);
    });

    it('fails when a payment is made without a contract price', () => {
      const [v] = evaluateCheckpoints(
        [pay],
        leaving3().withAmounts({ progress: 0.5, paidTotal: 100 }).paying(100).build(),
      );
      expect(v?.message).toBe(`累计支付 100 元无法核对：未填写合同价款（${PAY_BASIS}）`);
      expect(v?.values).toEqual({ paidTotal: 100, contractPrice: null, progress: 0.5, allowed: null });
    });

    it('fails when earlier payments exist but progress is unknown', () => {
      const [v] = evaluateCheckpoints([pay], leaving3().withAmounts({ contractPrice: 1000, paidTotal: 100 }).build());
      expect(v?.message).toContain('未填写工程进度');
    });
  });

  describe('CONTRACT_CHANGE_LIMIT (seeds: 500000 CNY a change, 20% in total)', () => {
    const change = rule('CONTRACT_CHANGE_LIMIT', SEED_CHANGE_LIMIT, { legalBasis: CHANGE_BASIS });
    const bigContract = { contractPrice: 10000000 };

    it('passes a change of exactly 500000 CNY', () => {
      const facts = leaving3()
        .withAmounts({ ...bigContract, changeTotal: 500000 })
        .changingContractBy(500000)
        .build();
      expect(evaluateCheckpoints([change], facts)).toEqual([]);
    });

    it('refuses a single change over 500000 CNY, reporting it before the total', () => {
      // The total (600000 of 2000000) is over 20% too; only the first failing condition is reported.
      const facts = leaving3()
        .withAmounts({ contractPrice: 2000000, changeTotal: 600000 })
        .changingContractBy(600000)
        .build();
      expect(evaluateCheckpoints([change], facts)).toEqual([
        expect.objectContaining({
          message: '合同变更金额 600000 元超过单次变更上限 500000 元（《政府投资条例》第二十一条）',
          values: { change: 600000, max: 500000 },
        }),
      ]);
    });

    it('limits reductions as well as increases', () => {
      const facts = leaving3()
        .withAmounts({ ...bigContract, changeTotal: 500000.01 })
        .changingContractBy(-500000.01)
        .build();
      expect(evaluateCheckpoints([change], facts)[0]?.values).toEqual({ change: -500000.01, max: 500000 });
    });

    it('refuses the change that takes the total over 20%, each change being under 500000 CNY', () => {
      const price = 2000000;
      const results = [300000, 150000].reduce<{ total: number; violations: unknown[][] }>(
        (acc, c) => {
          const total = acc.total + Math.abs(c);
          const facts = leaving3()
            .withAmounts({ contractPrice: price, changeTotal: total })
            .changingContractBy(c)
            .build();
          return { total, violations: [...acc.violations, evaluateCheckpoints([change], facts)] };
        },
        { total: 0, violations: [] },
      );
      expect(results.violations[0]).toEqual([]);
      expect(results.violations[1]).toEqual([
        expect.objectContaining({
          message: '累计合同变更 450000 元超过 400000 元，即合同价款 2000000 元的 20%（《政府投资条例》第二十一条）',
          values: { changeTotal: 450000, contractPrice: 2000000, maxRatio: 0.2, allowed: 400000 },
        }),
      ]);
    });

    it('passes a total of exactly 20%', () => {
      const facts = leaving3()
        .withAmounts({ contractPrice: 2000000, changeTotal: 400000 })
        .changingContractBy(100000)
        .build();
      expect(evaluateCheckpoints([change], facts)).toEqual([]);
    });

    it('does nothing when the transition makes no change, even over the total', () => {
      expect(
        evaluateCheckpoints([change], leaving3().withAmounts({ contractPrice: 100, changeTotal: 90 }).build()),
      ).toEqual([]);
    });

    it('requires the contract price when a change is made', () => {
      const [v] = evaluateCheckpoints(
        [change],
        leaving3().withAmounts({ changeTotal: 1000 }).changingContractBy(1000).build(),
      );
      expect(v?.message).toContain('未填写合同价款');
      expect(v?.values).toEqual({ changeTotal: 1000, contractPrice: null, maxRatio: 0.2, allowed: null });
    });
  });

  describe('PENALTY_RANGE', () => {
    const range = rule('PENALTY_RANGE', { min: 2000, max: 20000 });
    const withPenalty = (penalty: number) => leaving3().withAmounts({ penalty }).build();

    it('passes within and exactly at both ends of the range', () => {
      for (const penalty of [2000, 5000, 20000]) expect(evaluateCheckpoints([range], withPenalty(penalty))).toEqual([]);
    });

    it('fails below and above the range', () => {
      expect(evaluateCheckpoints([range], withPenalty(1999.99))[0]?.message).toBe(
        `罚款金额 1999.99 元不在 2000 至 20000 元的范围内（${BASIS}）`,
      );
      expect(evaluateCheckpoints([range], withPenalty(20000.01))[0]?.values).toEqual({
        penalty: 20000.01,
        min: 2000,
        max: 20000,
      });
    });

    it('fails when no penalty is set', () => {
      const [v] = evaluateCheckpoints([range], leaving3().build());
      expect(v?.message).toContain('未填写罚款金额');
      expect(v?.values).toEqual({ penalty: null, min: 2000, max: 20000 });
    });

    it('accepts a range starting at zero', () => {
      expect(evaluateCheckpoints([rule('PENALTY_RANGE', { min: 0, max: 500 })], withPenalty(0))).toEqual([]);
    });
  });

  describe('MIN_DAYS_BETWEEN_STEPS', () => {
    const publicity = rule('MIN_DAYS_BETWEEN_STEPS', { fromStepNo: 2, days: 5 });

    it('passes once the working days have passed, exactly at the minimum included', () => {
      expect(evaluateCheckpoints([publicity], leaving3().withStepFinished(2, 5).build())).toEqual([]);
      expect(evaluateCheckpoints([publicity], leaving3().withStepFinished(2, 9).build())).toEqual([]);
    });

    it('fails one day short', () => {
      const [v] = evaluateCheckpoints([publicity], leaving3().withStepFinished(2, 4).withStepFinished(1, 30).build());
      expect(v?.message).toBe(`第2步办结后仅过 4 个工作日，须满 5 个工作日（${BASIS}）`);
      expect(v?.values).toEqual({ fromStepNo: 2, days: 4, minDays: 5 });
    });

    it('fails when the earlier step has not been finished', () => {
      const [v] = evaluateCheckpoints([publicity], leaving3().withStepFinished(1, 30).build());
      expect(v?.message).toContain('第2步尚未办结');
      expect(v?.values).toEqual({ fromStepNo: 2, days: null, minDays: 5 });
    });
  });

  describe('misconfigured rules never pass', () => {
    it.each<[string, CheckpointRule, string]>([
      ['no attachments', rule('REQUIRED_ATTACHMENTS', { attachments: [] }), 'attachments'],
      ['a blank attachment name', rule('REQUIRED_ATTACHMENTS', { attachments: ['申请书', ' '] }), 'attachments'],
      ['no field', rule('AMOUNT_LIMIT', { max: 10 }), 'field'],
      ['a field the case does not have', rule('AMOUNT_LIMIT', { field: 'subsidy', max: 10 }), 'field'],
      ['a prototype property as field', rule('AMOUNT_LIMIT', { field: 'toString', max: 10 }), 'field'],
      ['a share as field', rule('AMOUNT_LIMIT', { field: 'progress', max: 10 }), 'field'],
      ['no max', rule('AMOUNT_LIMIT', { field: 'amount' }), 'max'],
      ['a ratio above 1', rule('CONTRACT_CHANGE_LIMIT', { max: 500000, maxRatio: 1.5 }), 'maxRatio'],
      ['no limits at all', rule('CONTRACT_CHANGE_LIMIT', {}), 'max, maxRatio'],
      ['min above max', rule('PENALTY_RANGE', { min: 30000, max: 20000 }), 'max'],
      ['a negative min', rule('PENALTY_RANGE', { min: -1, max: 20000 }), 'min'],
      ['a from-step that is not earlier', rule('MIN_DAYS_BETWEEN_STEPS', { fromStepNo: 3, days: 5 }), 'fromStepNo'],
      ['fractional days', rule('MIN_DAYS_BETWEEN_STEPS', { fromStepNo: 2, days: 1.5 }), 'days'],
      ['an unknown kind', rule('SIGN_OFF' as CheckpointKindName, {}), 'kind'],
    ])('reports %s', (_, misconfigured, invalidParams) => {
      // The facts would satisfy any well-formed rule of these kinds.
      const facts = leaving3()
        .withAttachments('申请书')
        .withAmounts({ amount: 1, penalty: 20000, contractPrice: 10000000, changeTotal: 1, paidTotal: 0, progress: 1 })
        .changingContractBy(1)
        .withStepFinished(2, 100)
        .build();
      const [v, ...rest] = evaluateCheckpoints([misconfigured], facts);
      expect(rest).toEqual([]);
      expect(v?.message).toMatch(new RegExp(`^电子关卡 cp-\\S+（\\S+）配置有误：.+（${BASIS}）$`));
      expect(v?.values).toEqual({ invalidParams });
    });

    it('names each bad param and what it must be', () => {
      const [v] = evaluateCheckpoints(
        [rule('CONTRACT_CHANGE_LIMIT', { maxRatio: 2 }, { id: 'c9' })],
        leaving3().build(),
      );
      expect(v?.message).toBe(
        `电子关卡 c9（CONTRACT_CHANGE_LIMIT）配置有误：参数 max 须为正数；参数 maxRatio 须为 0 到 1 之间的比例（${BASIS}）`,
      );
    });

    it('reports a misconfigured rule even when the transition would not trigger it', () => {
      const noChange = leaving3().build();
      expect(evaluateCheckpoints([rule('CONTRACT_CHANGE_LIMIT', { max: 500000 })], noChange)).toHaveLength(1);
    });
  });

  describe('choosing and collecting', () => {
    const atStep2 = rule('REQUIRED_ATTACHMENTS', { attachments: ['公示材料'] }, { id: 'a2', stepNo: 2 });
    const atStep3 = [
      rule('REQUIRED_ATTACHMENTS', { attachments: ['合同'] }, { id: 'a3' }),
      rule('PENALTY_RANGE', { min: 0, max: 100 }, { id: 'p3' }),
      rule('CONTRACT_CHANGE_LIMIT', SEED_CHANGE_LIMIT, { id: 'c3', legalBasis: CHANGE_BASIS }),
      rule('AMOUNT_LIMIT', { field: 'amount', max: 1000 }, { id: 'm3' }),
    ];

    it('checks only the rules of the step being left', () => {
      expect(evaluateCheckpoints([atStep2], leaving3().build())).toEqual([]);
      expect(evaluateCheckpoints([atStep2], aTransition().leaving(2).build())).toHaveLength(1);
    });

    it('passes with no rules', () => {
      expect(evaluateCheckpoints([], leaving3().build())).toEqual([]);
    });

    it('reports every violation together, in rule order', () => {
      const facts = leaving3()
        .withAmounts({ penalty: 500, amount: 10, contractPrice: 2000000, changeTotal: 700000 })
        .changingContractBy(700000)
        .build();
      const violations = evaluateCheckpoints([atStep2, ...atStep3], facts);
      expect(violations.map((v) => [v.checkpointId, v.kind, v.legalBasis])).toEqual([
        ['a3', 'REQUIRED_ATTACHMENTS', BASIS],
        ['p3', 'PENALTY_RANGE', BASIS],
        ['c3', 'CONTRACT_CHANGE_LIMIT', CHANGE_BASIS],
      ]);
    });

    it('leaves the legal basis off a message when the rule has none', () => {
      const [v] = evaluateCheckpoints(
        [rule('PENALTY_RANGE', { min: 0, max: 100 }, { legalBasis: ' ' })],
        leaving3().withAmounts({ penalty: 101 }).build(),
      );
      expect(v?.message).toBe('罚款金额 101 元不在 0 至 100 元的范围内');
    });
  });
});
