import { randomUUID } from 'node:crypto';
import type { PowerContent, PowerStepContent } from './power-content';
import type { CreatePowerInput, FlowStepInput } from './power.input';

/** A flow as a version stores it: a post or null, and an empty description when none is given. */
export function flowContentOf(steps: readonly FlowStepInput[]): PowerStepContent[] {
  return steps.map((s) => ({
    name: s.name,
    postId: s.postId ?? null,
    timeLimitDays: s.timeLimitDays,
    description: s.description ?? '',
  }));
}

/**
 * The content of a new power's first version, before validation: omitted texts empty, omitted
 * references null, and each risk point, efficiency point and checkpoint under a fresh id.
 */
export function powerContentOf(input: CreatePowerInput): PowerContent {
  return {
    name: input.name,
    category: input.category,
    legalBasis: input.legalBasis,
    departmentId: input.departmentId,
    postId: input.postId ?? null,
    conditions: input.conditions ?? '',
    fees: input.fees ?? '',
    statutoryDays: input.statutoryDays,
    promisedDays: input.promisedDays,
    supervisorDepartmentId: input.supervisorDepartmentId ?? null,
    principalLeader: input.principalLeader ?? false,
    flow: flowContentOf(input.flow),
    riskPoints: (input.riskPoints ?? []).map((r) => ({
      id: randomUUID(),
      stepNo: r.stepNo ?? null,
      level: r.level,
      description: r.description,
      measures: r.measures,
    })),
    efficiencyPoints: (input.efficiencyPoints ?? []).map((e) => ({
      id: randomUUID(),
      stepNo: e.stepNo ?? null,
      description: e.description,
      timeLimitDays: e.timeLimitDays ?? null,
    })),
    checkpoints: (input.checkpoints ?? []).map((k) => ({
      id: randomUUID(),
      stepNo: k.stepNo,
      kind: k.kind,
      params: { ...k.params },
      legalBasis: k.legalBasis,
      description: k.description ?? '',
    })),
  };
}
