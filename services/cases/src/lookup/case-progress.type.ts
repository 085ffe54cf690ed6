import { Field, Int, ObjectType } from 'type-graphql';
import { CaseStatus } from '../case/case.type';

@ObjectType({ description: 'A public trace entry: what happened and its hash, no personal data.' })
export class ProgressEvent {
  @Field(() => Int)
  seq: number;

  @Field()
  kind: string;

  @Field()
  at: Date;

  @Field()
  hash: string;
}

@ObjectType({ description: 'A step as the public sees it.' })
export class ProgressStep {
  @Field(() => Int)
  stepNo: number;

  @Field()
  name: string;

  @Field({ description: 'DONE, CURRENT or PENDING.' })
  state: string;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}

@ObjectType({
  description: 'Public progress of a case (办件进度查询): status, steps, deadline and hashes; never personal data.',
})
export class CaseProgress {
  @Field()
  number: string;

  @Field()
  powerName: string;

  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field()
  receivedAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Name of the current step while the case is open.' })
  currentStep: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Local date the current step is due (YYYY-MM-DD); null while suspended and once closed.',
  })
  currentStepDeadline: string | null;

  @Field(() => [ProgressStep])
  steps: ProgressStep[];

  @Field(() => [ProgressEvent])
  events: ProgressEvent[];
}
