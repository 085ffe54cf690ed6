import { randomUUID } from 'node:crypto';
import type { CheckpointKindName, CheckpointParams } from '@sunlight/shared';
import { SamplePowerBuilder } from '@sunlight/shared/testing';
import type { CheckpointRule } from '../checkpoint/checkpoint-rule';
import type { PowerSnapshot, SnapshotStep } from '../clients/power-snapshot';

/**
 * Builds the published power version a case is filed under, as the powers service would describe
 * the shared sample power: `aPowerSnapshot().inUnit(COUNTY).withFlow(2, 3, 3).requiringAt(1, '营业执照').build()`.
 * Every step is handled by the power's department unless `handledBy` names another.
 */
export class PowerSnapshotBuilder extends SamplePowerBuilder<PowerSnapshot> {
  private readonly id = randomUUID();
  private version = 1;
  private unitCode = '139901000000';
  private departmentId: string = randomUUID();
  private readonly stepDepartments = new Map<number, string>();
  private readonly checkpoints: CheckpointRule[] = [];

  inUnit(unitCode: string): this {
    this.unitCode = unitCode;
    return this;
  }

  withVersion(version: number): this {
    this.version = version;
    return this;
  }

  /** The responsible department: it files the power's cases and handles its steps by default. */
  ofDepartment(departmentId: string): this {
    this.departmentId = departmentId;
    return this;
  }

  /** Step `stepNo` is handled by `departmentId` instead of the power's department. */
  handledBy(stepNo: number, departmentId: string): this {
    this.stepDepartments.set(stepNo, departmentId);
    return this;
  }

  withCheckpoint(stepNo: number, kind: CheckpointKindName, params: CheckpointParams): this {
    this.checkpoints.push({
      id: randomUUID(),
      stepNo,
      kind,
      params,
      legalBasis: '《测试条例》第三条',
      description: `${kind} on step ${stepNo}`,
    });
    return this;
  }

  /** Leaving step `stepNo` needs the materials named. */
  requiringAt(stepNo: number, ...attachments: string[]): this {
    return this.withCheckpoint(stepNo, 'REQUIRED_ATTACHMENTS', { attachments });
  }

  build(): PowerSnapshot {
    const flow: SnapshotStep[] = this.steps().map(({ stepNo, name, timeLimitDays }) => ({
      stepNo,
      name,
      postId: null,
      departmentId: this.stepDepartments.get(stepNo) ?? this.departmentId,
      timeLimitDays,
    }));
    return {
      id: this.id,
      version: this.version,
      code: this.code,
      name: `${this.code} 测试事项`,
      category: 'LICENSING',
      unitCode: this.unitCode,
      departmentId: this.departmentId,
      statutoryDays: this.statutoryDays,
      promisedDays: this.promisedDays,
      flow,
      checkpoints: this.checkpoints.map((c) => ({ ...c, params: { ...c.params } })),
    };
  }
}

/** Starts a power snapshot: `aPowerSnapshot().inUnit(COUNTY).withFlow(2, 3).build()`. */
export function aPowerSnapshot(): PowerSnapshotBuilder {
  return new PowerSnapshotBuilder();
}
