import { randomUUID } from 'node:crypto';
import {
  AccusedKind,
  ComplaintCategory,
  ComplaintChannel,
  type ComplainantInput,
  type FileComplaintInput,
} from '../complaint/complaint.input';

/**
 * Builds a valid FileComplaintInput, anonymous unless `from` names the complainant:
 * `aComplaint().againstLeadershipOf(TOWNSHIP).from('张三').build()`.
 */
export class FileComplaintInputBuilder {
  private kind = AccusedKind.DEPARTMENT;
  private unitCode = '139901000000';
  private departmentId: string | undefined = randomUUID();
  private personName: string | undefined;
  private complainant: ComplainantInput | undefined;
  private description = '窗口工作人员多次推诿，不予受理申请材料。';
  private category = ComplaintCategory.INACTION;

  againstLeadershipOf(unitCode: string): this {
    this.kind = AccusedKind.LEADERSHIP;
    this.unitCode = unitCode;
    this.departmentId = undefined;
    return this;
  }

  againstDepartment(unitCode: string, departmentId: string): this {
    this.kind = AccusedKind.DEPARTMENT;
    this.unitCode = unitCode;
    this.departmentId = departmentId;
    return this;
  }

  againstPerson(unitCode: string, departmentId: string, personName: string): this {
    this.againstDepartment(unitCode, departmentId);
    this.kind = AccusedKind.PERSON;
    this.personName = personName;
    return this;
  }

  /** A named complaint: the identity is encrypted at rest. */
  from(name: string, phone = '13900001111'): this {
    this.complainant = { name, phone, address: '测试路1号' };
    return this;
  }

  about(category: ComplaintCategory, description = this.description): this {
    this.category = category;
    this.description = description;
    return this;
  }

  build(): FileComplaintInput {
    return {
      channel: ComplaintChannel.WEB,
      category: this.category,
      accused: {
        kind: this.kind,
        unitCode: this.unitCode,
        ...(this.departmentId ? { departmentId: this.departmentId } : {}),
        ...(this.personName ? { personName: this.personName } : {}),
      },
      description: this.description,
      ...(this.complainant ? { complainant: { ...this.complainant } } : {}),
    };
  }
}

/** Starts a complaint (against a county department, anonymous, by default). */
export function aComplaint(): FileComplaintInputBuilder {
  return new FileComplaintInputBuilder();
}
