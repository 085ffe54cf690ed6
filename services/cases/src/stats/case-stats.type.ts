import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "Case statistics of a unit's subtree for a period (by filing date)." })
export class CaseStats {
  @Field(() => Int, { description: 'Cases filed in the period.' })
  filed: number;

  @Field(() => Int, { description: 'Of those, still open (received, in progress or suspended).' })
  open: number;

  @Field(() => Int, { description: 'Of those, completed.' })
  completed: number;

  @Field(() => Int, { description: 'Of those, with a yellow or red card.' })
  overdue: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of completed cases finished within their statutory limit; null when none completed.',
  })
  onTimeRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average working days from filing to completion; null when none completed.',
  })
  averageWorkingDays: number | null;
}
