import { PageInfo } from '@sunlight/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { ComplaintRow } from './complaint-row';

@ObjectType({ description: "An event of a complaint's trace." })
export class ComplaintEvent {
  @Field(() => Int)
  seq: number;

  @Field()
  kind: string;

  @Field()
  actor: string;

  @Field()
  at: Date;

  @Field(() => [String])
  attachmentHashes: string[];

  @Field()
  hash: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A complaint or report (投诉举报), as its handling inspectors see it. Never shown to anyone it is about.',
})
export class Complaint {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field()
  channel: string;

  @Field()
  category: string;

  @Field()
  accusedKind: string;

  @Field()
  accusedUnit: string;

  @Field(() => String, { nullable: true })
  accusedDepartment: string | null;

  @Field(() => String, { nullable: true })
  accusedPerson: string | null;

  @Field()
  handlerUnit: string;

  @Field(() => String, { nullable: true })
  handler: string | null;

  @Field()
  description: string;

  @Field({
    description:
      'True when filed without a name; the identity of a named complainant is only available through revealComplainant.',
  })
  anonymous: boolean;

  @Field()
  status: string;

  @Field(() => String, { nullable: true })
  conclusion: string | null;

  @Field(() => String, { nullable: true })
  finding: string | null;

  @Field()
  receivedAt: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => Date, { nullable: true })
  concludedAt: Date | null;

  @Field(() => Int, { description: 'Approved extension of the concluding time, working days.' })
  extensionDays: number;

  row: ComplaintRow;
}

export function toComplaint(r: ComplaintRow): Complaint {
  const c = new Complaint();
  Object.assign(c, {
    id: r.id,
    number: r.number,
    channel: r.channel,
    category: r.category,
    accusedKind: r.accused_kind,
    accusedUnit: r.accused_unit,
    accusedDepartment: r.accused_department,
    accusedPerson: r.accused_person,
    handlerUnit: r.handler_unit,
    handler: r.handler_subject,
    description: r.description,
    anonymous: r.anonymous,
    status: r.status,
    conclusion: r.conclusion,
    finding: r.finding,
    receivedAt: r.received_at,
    acceptedAt: r.accepted_at,
    concludedAt: r.concluded_at,
    extensionDays: r.extension_days,
    row: r,
  });
  return c;
}

@ObjectType()
export class ComplaintEdge {
  @Field(() => Complaint)
  node: Complaint;

  @Field()
  cursor: string;
}

@ObjectType()
export class ComplaintConnection {
  @Field(() => [ComplaintEdge])
  edges: ComplaintEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({
  description:
    'What filing returns. Keep the follow-up code: it is the only way to follow the complaint, and it is not shown again.',
})
export class FiledComplaint {
  @Field()
  number: string;

  @Field()
  followUpCode: string;

  @Field()
  receivedAt: Date;
}

@ObjectType({
  description: "A named complainant's identity, revealed to the handling inspector (the reveal is recorded).",
})
export class ComplainantIdentity {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  address: string | null;
}
