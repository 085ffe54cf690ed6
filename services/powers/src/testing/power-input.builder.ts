import type { CheckpointKind, CheckpointParams } from '@sunlight/shared';
import { SamplePowerBuilder } from '@sunlight/shared/testing';
import type { DemoData } from '../demo/demo-data';
import { PowerCategory } from '../power/power-category';
import type { CheckpointInput, CreatePowerInput, RiskPointInput } from '../power/power.input';

/**
 * Builds a valid CreatePowerInput of the shared sample power for a unit of the demo city: its
 * first non-supervisory department, a flow on that department's posts whose limits fit the
 * promised days, and the unit's supervisory body as supervisor. Each `with…` changes one thing,
 * valid or not.
 */
export class PowerInputBuilder extends SamplePowerBuilder<CreatePowerInput> {
  private data: DemoData | null = null;
  private unitCode = '';
  private name = '测试事项';
  private category = PowerCategory.LICENSING;
  private departmentId: string | null = null;
  private readonly riskPoints: RiskPointInput[] = [];
  private readonly checkpoints: CheckpointInput[] = [];

  inUnit(data: DemoData, unitCode: string): this {
    this.data = data;
    this.unitCode = unitCode;
    return this;
  }

  withName(name: string): this {
    this.name = name;
    return this;
  }

  withCategory(category: PowerCategory): this {
    this.category = category;
    return this;
  }

  /** The responsible department (any id, e.g. another unit's); its posts staff the flow. */
  withDepartment(departmentId: string): this {
    this.departmentId = departmentId;
    return this;
  }

  withRiskPoint(level: number, stepNo: number | null = null): this {
    this.riskPoints.push({ stepNo, level, description: `${level}级风险点`, measures: ['集体研究决定'] });
    return this;
  }

  withCheckpoint(stepNo: number, kind: CheckpointKind, params: CheckpointParams): this {
    this.checkpoints.push({
      stepNo,
      kind,
      params,
      legalBasis: '《测试条例》第一条',
      description: `${kind} on step ${stepNo}`,
    });
    return this;
  }

  build(): CreatePowerInput {
    const data = this.data;
    if (!data) throw new Error('aPower() needs inUnit(data, unitCode) before build()');
    const ofUnit = data.departments.filter((d) => d.unitCode === this.unitCode);
    const departmentId = this.departmentId ?? ofUnit.find((d) => !d.supervisory)?.id;
    if (!departmentId) throw new Error(`demo unit ${this.unitCode} has no non-supervisory department`);
    const posts = data.posts.filter((p) => p.departmentId === departmentId);
    const flow = this.steps().map(({ stepNo, name, timeLimitDays }) => ({
      name,
      postId: posts[(stepNo - 1) % Math.max(posts.length, 1)]?.id ?? null,
      timeLimitDays,
      description: '',
    }));
    return {
      unitCode: this.unitCode,
      code: this.code,
      name: this.name,
      category: this.category,
      legalBasis: '《测试条例》第二条',
      departmentId,
      postId: flow[flow.length - 1]?.postId ?? null,
      conditions: '',
      fees: '不收费',
      statutoryDays: this.statutoryDays,
      promisedDays: this.promisedDays,
      supervisorDepartmentId: ofUnit.find((d) => d.supervisory)?.id ?? null,
      flow,
      riskPoints: this.riskPoints.map((r) => ({ ...r })),
      efficiencyPoints: [],
      checkpoints: this.checkpoints.map((c) => ({ ...c, params: { ...c.params } })),
    };
  }
}

/** Starts a CreatePowerInput: `aPower().inUnit(data, '139901000000').withCode('T-001').build()`. */
export function aPower(): PowerInputBuilder {
  return new PowerInputBuilder();
}
