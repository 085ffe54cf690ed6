import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';

/** Why a case's clock stops (中止). */
export enum SuspendReason {
  HEARING = 'HEARING',
  EXPERT_APPRAISAL = 'EXPERT_APPRAISAL',
  SUPPLEMENT_MATERIALS = 'SUPPLEMENT_MATERIALS',
  OTHER = 'OTHER',
}
registerEnumType(SuspendReason, {
  name: 'SuspendReason',
  description:
    'Why the clock stops: 听证 HEARING, 专家评审/鉴定 EXPERT_APPRAISAL, 补正材料 SUPPLEMENT_MATERIALS, OTHER.',
});

/** How a case ends. */
export enum CaseOutcome {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(CaseOutcome, { name: 'CaseOutcome', description: '准予 APPROVED or 不予 REJECTED.' });

@InputType({
  description:
    'The applicant (申请人). Personal data: masked for everyone but handlers, their leaders and inspectors in scope.',
})
export class ApplicantInput {
  @Field()
  name: string;

  @Field({ description: 'Resident ID number (18 characters) or other identity document number.' })
  idNumber: string;

  @Field({ description: 'Mobile (11 digits) or landline number.' })
  phone: string;
}

@InputType({ description: 'Amounts (CNY) the checkpoints check; each optional.' })
export class AmountsInput {
  @Field(() => Float, { nullable: true, description: 'Contract price (合同价).' })
  contractPrice?: number;

  @Field(() => Float, { nullable: true, description: 'The amount applied for or granted.' })
  amount?: number;

  @Field(() => Float, { nullable: true, description: 'Penalty (罚款) amount.' })
  penalty?: number;

  @Field(() => Float, { nullable: true, description: 'Completed share of the work, 0-1 (工程进度).' })
  progress?: number;
}

@InputType()
export class AttachmentInput {
  @Field({ description: 'Name of the material, as the checkpoints name it (e.g. 营业执照复印件).' })
  name: string;

  @Field()
  mediaType: string;

  @Field({ description: 'Content, base64; at most 2 MiB.' })
  contentBase64: string;
}

@InputType({ description: 'A new case (办件) under a published power of your unit.' })
export class FileCaseInput {
  @Field(() => ID)
  powerId: string;

  @Field(() => ApplicantInput)
  applicant: ApplicantInput;

  @Field({ description: 'What is applied for (申请事项).' })
  details: string;

  @Field(() => AmountsInput, { nullable: true })
  amounts?: AmountsInput;

  @Field(() => [AttachmentInput], { nullable: true })
  attachments?: AttachmentInput[];
}

@InputType({ description: 'Finish the current step and move to the next.' })
export class AdvanceCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field({ description: 'Result of the step (办理意见).' })
  result: string;

  @Field(() => [AttachmentInput], { nullable: true })
  attachments?: AttachmentInput[];

  @Field(() => AmountsInput, { nullable: true, description: 'Amounts set at this step.' })
  amounts?: AmountsInput;

  @Field(() => Float, { nullable: true, description: 'A payment made at this step (CNY); added to the total paid.' })
  payment?: number;

  @Field(() => Float, { nullable: true, description: 'A contract change made at this step (CNY, signed).' })
  contractChange?: number;
}

@InputType({ description: 'Decide the case at its last step.' })
export class CompleteCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => CaseOutcome)
  outcome: CaseOutcome;

  @Field()
  result: string;

  @Field(() => [AttachmentInput], { nullable: true })
  attachments?: AttachmentInput[];

  @Field(() => AmountsInput, { nullable: true })
  amounts?: AmountsInput;

  @Field(() => Float, {
    nullable: true,
    description:
      'A payment made with the decision (CNY, e.g. the final payment 拨付); added to the total paid and checked by the last step’s checkpoints (PAYMENT_WITHIN_PROGRESS).',
  })
  payment?: number;
}

@InputType()
export class ReturnCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => Int, { description: 'An earlier step to return to.' })
  toStep: number;

  @Field()
  reason: string;
}

@InputType()
export class SuspendCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => SuspendReason)
  reason: SuspendReason;

  @Field()
  note: string;
}

@InputType({ description: "A leader's approval of more time for the current step (延期)." })
export class ExtendCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => Int, { description: 'Working days to add, 1-30.' })
  days: number;

  @Field()
  reason: string;
}
