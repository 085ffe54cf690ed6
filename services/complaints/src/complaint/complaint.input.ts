import { Field, ID, InputType, registerEnumType } from 'type-graphql';

export enum ComplaintChannel {
  WEB = 'WEB',
  HOTLINE = 'HOTLINE',
  WINDOW = 'WINDOW',
  LETTER = 'LETTER',
}
registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  description: '网上 WEB, 效能热线 HOTLINE (效能110), 窗口 WINDOW, 来信 LETTER.',
});

export enum ComplaintCategory {
  INACTION = 'INACTION',
  SLOW_ACTION = 'SLOW_ACTION',
  MISCONDUCT = 'MISCONDUCT',
  ATTITUDE = 'ATTITUDE',
  ASKING_FAVOURS = 'ASKING_FAVOURS',
  ABUSE_OF_POWER = 'ABUSE_OF_POWER',
  OTHER = 'OTHER',
}
registerEnumType(ComplaintCategory, {
  name: 'ComplaintCategory',
  description:
    '不作为 INACTION, 慢作为 SLOW_ACTION, 乱作为 MISCONDUCT, 态度 ATTITUDE, 吃拿卡要 ASKING_FAVOURS, 滥用职权 ABUSE_OF_POWER, OTHER.',
});

export enum AccusedKind {
  UNIT = 'UNIT',
  LEADERSHIP = 'LEADERSHIP',
  DEPARTMENT = 'DEPARTMENT',
  PERSON = 'PERSON',
}
registerEnumType(AccusedKind, {
  name: 'AccusedKind',
  description:
    'Whom the complaint is about: a unit as a whole, its leadership team, a department, or a person (in a department).',
});

export enum Conclusion {
  SUBSTANTIATED = 'SUBSTANTIATED',
  PARTLY_SUBSTANTIATED = 'PARTLY_SUBSTANTIATED',
  UNSUBSTANTIATED = 'UNSUBSTANTIATED',
}
registerEnumType(Conclusion, {
  name: 'ComplaintConclusion',
  description: '属实 SUBSTANTIATED, 部分属实 PARTLY_SUBSTANTIATED, 不属实 UNSUBSTANTIATED.',
});

@InputType()
export class AccusedInput {
  @Field(() => AccusedKind)
  kind: AccusedKind;

  @Field({ description: '12-digit code of the unit concerned.' })
  unitCode: string;

  @Field(() => ID, { nullable: true, description: 'Required for DEPARTMENT and PERSON.' })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  postId?: string;

  @Field({ nullable: true, description: 'Name of the person complained about (PERSON).' })
  personName?: string;
}

@InputType({
  description:
    "The complainant's identity; omit for an anonymous complaint. Encrypted at rest; only the handling inspector may reveal it, with a recorded reason.",
})
export class ComplainantInput {
  @Field()
  name: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  address?: string;
}

@InputType()
export class EvidenceInput {
  @Field()
  name: string;

  @Field()
  mediaType: string;

  @Field({ description: 'Base64; at most 2 MiB.' })
  contentBase64: string;
}

@InputType({ description: 'A complaint or report (投诉举报).' })
export class FileComplaintInput {
  @Field(() => ComplaintChannel)
  channel: ComplaintChannel;

  @Field(() => ComplaintCategory)
  category: ComplaintCategory;

  @Field(() => AccusedInput)
  accused: AccusedInput;

  @Field(() => ID, { nullable: true })
  caseId?: string;

  @Field(() => ID, { nullable: true })
  powerId?: string;

  @Field({ description: 'What happened: 10-5000 characters.' })
  description: string;

  @Field(() => ComplainantInput, { nullable: true })
  complainant?: ComplainantInput;

  @Field(() => [EvidenceInput], { nullable: true })
  evidence?: EvidenceInput[];
}
