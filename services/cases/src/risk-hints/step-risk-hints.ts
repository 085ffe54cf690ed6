import type { CheckpointKind } from '@sunlight/shared';
import type { CaseRow } from '../case/case-row';
import { checkpointRequirement } from './checkpoint-requirement';
import type { StepRiskHints } from './step-risk-hints.type';

/**
 * What a breach of any checkpoint leads to, as the transition service does it: the advance or
 * completion is refused (CHECKPOINT_VIOLATED), a CHECKPOINT_BLOCKED event joins the trace, and
 * the `case.checkpoint_blocked` event raises a 电子关卡拦截 alert.
 */
export const CHECKPOINT_CONSEQUENCE = '不符合时系统拒绝本环节流转，拦截记录写入办件留痕，并产生“电子关卡拦截”预警';

/**
 * The hints of the step `c` is at, from the power version it was filed under; null once the case
 * is completed or withdrawn (there is no step left to act on).
 */
export function stepRiskHints(c: CaseRow): StepRiskHints | null {
  if (c.status === 'COMPLETED' || c.status === 'WITHDRAWN') return null;
  const { flow, checkpoints } = c.snapshot;
  const step = flow.find((s) => s.stepNo === c.currentStep);
  if (!step) return null;
  return {
    powerId: c.powerId,
    version: c.powerVersion,
    stepNo: step.stepNo,
    stepName: step.name,
    checkpoints: checkpoints
      .filter((rule) => rule.stepNo === step.stepNo)
      .map((rule) => ({
        id: rule.id,
        kind: rule.kind as CheckpointKind,
        description: rule.description,
        requirement: checkpointRequirement(rule, flow),
        legalBasis: rule.legalBasis,
        consequence: CHECKPOINT_CONSEQUENCE,
      })),
  };
}
