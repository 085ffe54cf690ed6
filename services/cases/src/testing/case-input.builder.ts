import type { AttachmentInput, FileCaseInput } from '../case/case.input';

/** A small attachment named as a checkpoint names a material. */
export function anAttachment(name: string): AttachmentInput {
  return { name, mediaType: 'application/pdf', contentBase64: Buffer.from(`%PDF ${name}`).toString('base64') };
}

/**
 * Builds a valid FileCaseInput: `aFiling(powerId).forApplicant('李四').withAttachment('营业执照').build()`.
 */
export class FileCaseInputBuilder {
  private name = '张三';
  private idNumber = '110101199003071233';
  private details = '申请办理测试事项';
  private readonly attachments: AttachmentInput[] = [];

  constructor(private readonly powerId: string) {}

  forApplicant(name: string, idNumber = this.idNumber): this {
    this.name = name;
    this.idNumber = idNumber;
    return this;
  }

  withDetails(details: string): this {
    this.details = details;
    return this;
  }

  withAttachment(name: string): this {
    this.attachments.push(anAttachment(name));
    return this;
  }

  build(): FileCaseInput {
    return {
      powerId: this.powerId,
      applicant: { name: this.name, idNumber: this.idNumber, phone: '13800138000' },
      details: this.details,
      ...(this.attachments.length > 0 ? { attachments: [...this.attachments] } : {}),
    };
  }
}

/** Starts a filing under the power `powerId`. */
export function aFiling(powerId: string): FileCaseInputBuilder {
  return new FileCaseInputBuilder(powerId);
}
