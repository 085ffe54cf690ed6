import type { CaseRow } from '../case/case-row';
import { aPowerSnapshot } from '../testing/power-snapshot.builder';
import { CHECKPOINT_CONSEQUENCE, stepRiskHints } from './step-risk-hints';

const snapshot = aPowerSnapshot()
  .withVersion(3)
  .withFlow(2, 3, 3)
  .requiringAt(1, '申请书')
  .withCheckpoint(2, 'PENALTY_RANGE', { min: 100, max: 2000 })
  .withCheckpoint(2, 'AMOUNT_LIMIT', { field: 'amount', max: 5000 })
  .build();

/** The fields of a stored case the hints read. */
function caseAt(currentStep: number, status: CaseRow['status'] = 'IN_PROGRESS'): CaseRow {
  return {
    ...({} as CaseRow),
    powerId: snapshot.id,
    powerVersion: snapshot.version,
    snapshot,
    currentStep,
    status,
  };
}

describe('stepRiskHints', () => {
  it('gives the current step of the version filed under, with that step’s checkpoints only, in snapshot order', () => {
    const hints = stepRiskHints(caseAt(2));
    expect(hints).toEqual({
      powerId: snapshot.id,
      version: 3,
      stepNo: 2,
      stepName: '第2步',
      checkpoints: [
        {
          id: snapshot.checkpoints[1]!.id,
          kind: 'PENALTY_RANGE',
          description: 'PENALTY_RANGE on step 2',
          requirement: '罚款金额须在 100 元至 2,000 元之间',
          legalBasis: '《测试条例》第三条',
          consequence: CHECKPOINT_CONSEQUENCE,
        },
        {
          id: snapshot.checkpoints[2]!.id,
          kind: 'AMOUNT_LIMIT',
          description: 'AMOUNT_LIMIT on step 2',
          requirement: '金额不得超过 5,000 元',
          legalBasis: '《测试条例》第三条',
          consequence: CHECKPOINT_CONSEQUENCE,
        },
      ],
    });
  });

  it('gives a step without checkpoints an empty list, and keeps hinting while the case is suspended', () => {
    expect(stepRiskHints(caseAt(3))?.checkpoints).toEqual([]);
    expect(stepRiskHints(caseAt(1, 'SUSPENDED'))?.checkpoints.map((c) => c.requirement)).toEqual([
      '办结本环节前须上传：申请书',
    ]);
  });

  it('gives none once the case is completed or withdrawn', () => {
    expect(stepRiskHints(caseAt(3, 'COMPLETED'))).toBeNull();
    expect(stepRiskHints(caseAt(2, 'WITHDRAWN'))).toBeNull();
  });
});
