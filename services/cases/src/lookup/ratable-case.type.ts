import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@inaccessible')
@ObjectType({ description: 'A step as the evaluations service needs it to accept a rating.' })
export class RatableStep {
  @Field(() => Int)
  stepNo: number;

  @Field()
  name: string;

  @Field({ description: 'True once the step is finished: only finished stages can be rated.' })
  done: boolean;

  @Field()
  departmentId: string;

  @Field(() => String, { nullable: true })
  postId: string | null;
}

@Directive('@inaccessible')
@ObjectType({
  description: 'What the evaluations service learns of a case it is asked to rate (service callers only).',
})
export class RatableCase {
  @Field(() => ID)
  caseId: string;

  @Field()
  unitCode: string;

  @Field()
  powerId: string;

  @Field(() => Int)
  powerVersion: number;

  @Field()
  powerName: string;

  @Field(() => [RatableStep])
  steps: RatableStep[];
}
