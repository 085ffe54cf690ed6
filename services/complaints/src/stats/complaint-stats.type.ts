import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: "Complaint statistics of a unit's subtree for a period, counting only complaints the caller may see.",
})
export class ComplaintStats {
  @Field(() => Int, { description: 'Complaints received about units in the subtree.' })
  received: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of concluded complaints found substantiated or partly substantiated.',
  })
  substantiatedRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Complaints per 10,000 cases filed in the subtree in the period; null when no cases.',
  })
  per10kCases: number | null;

  @Field(() => Float, { nullable: true, description: 'Average working days from acceptance to conclusion.' })
  averageWorkingDaysToConclude: number | null;

  @Field(() => Int)
  noticesOpen: number;

  @Field(() => Int)
  noticesOverdue: number;
}
