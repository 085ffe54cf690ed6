import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * Risk hints (前期预警) of one step of one power version: the cases service returns them for the
 * step a case is at (with the step's checkpoints); this service adds the risk points.
 */
@Directive('@key(fields: "powerId version stepNo")')
@ObjectType('StepRiskHints', { description: 'Risk hints (前期预警) of one step of one power version.' })
export class StepRiskHints {
  @Field(() => ID)
  powerId: string;

  @Field(() => Int)
  version: number;

  @Field(() => Int)
  stepNo: number;
}
