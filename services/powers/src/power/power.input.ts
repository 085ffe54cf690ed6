import { CheckpointKind } from '@sunlight/shared';
import { Field, InputType, Int } from 'type-graphql';
import { PowerCategory } from './power-category';

@InputType({ description: 'A step of a power flow.' })
export class FlowStepInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: "Post (岗位) handling the step; a post of the power's unit." })
  postId?: string | null;

  @Field(() => Int)
  timeLimitDays: number;

  @Field({ nullable: true })
  description?: string;
}

@InputType()
export class RiskPointInput {
  @Field(() => Int, { nullable: true, description: 'Flow step it sits at; omit for the whole power.' })
  stepNo?: number | null;

  @Field(() => Int, { description: '1 red, 2 orange, 3 yellow.' })
  level: number;

  @Field()
  description: string;

  @Field(() => [String])
  measures: string[];
}

@InputType()
export class EfficiencyPointInput {
  @Field(() => Int, { nullable: true })
  stepNo?: number | null;

  @Field()
  description: string;

  @Field(() => Int, { nullable: true })
  timeLimitDays?: number | null;
}

@InputType({ description: 'Parameters of a checkpoint; which are required depends on its kind.' })
export class CheckpointParamsInput {
  @Field(() => [String], { nullable: true, description: 'REQUIRED_ATTACHMENTS: names of the required materials.' })
  attachments?: string[];

  @Field({ nullable: true, description: 'AMOUNT_LIMIT: the case amount field checked (e.g. "amount").' })
  field?: string;

  @Field({ nullable: true, description: 'PENALTY_RANGE: the minimum, CNY.' })
  min?: number;

  @Field({
    nullable: true,
    description:
      'AMOUNT_LIMIT / PENALTY_RANGE: the maximum, CNY; CONTRACT_CHANGE_LIMIT: the largest single change, CNY.',
  })
  max?: number;

  @Field({
    nullable: true,
    description: 'CONTRACT_CHANGE_LIMIT: the largest total change as a share of the contract price (0.2 = 20%).',
  })
  maxRatio?: number;

  @Field(() => Int, { nullable: true, description: 'MIN_DAYS_BETWEEN_STEPS: the earlier step.' })
  fromStepNo?: number;

  @Field(() => Int, { nullable: true, description: 'MIN_DAYS_BETWEEN_STEPS: the minimum number of working days.' })
  days?: number;
}

@InputType()
export class CheckpointInput {
  @Field(() => Int)
  stepNo: number;

  @Field(() => CheckpointKind)
  kind: CheckpointKind;

  @Field(() => CheckpointParamsInput)
  params: CheckpointParamsInput;

  @Field({ description: 'The law or rule the checkpoint enforces.' })
  legalBasis: string;

  @Field({ nullable: true })
  description?: string;
}

@InputType({ description: 'A new power (权力事项), created as version 1 in DRAFT.' })
export class CreatePowerInput {
  @Field({ description: '12-digit code of the unit exercising the power.' })
  unitCode: string;

  @Field({ description: 'Code unique within the unit: 2-40 letters, digits or "-".' })
  code: string;

  @Field()
  name: string;

  @Field(() => PowerCategory)
  category: PowerCategory;

  @Field()
  legalBasis: string;

  @Field({ description: 'Responsible department (责任主体), a department of the unit.' })
  departmentId: string;

  @Field(() => String, { nullable: true, description: 'Responsible post (责任岗位) in that department.' })
  postId?: string | null;

  @Field({ nullable: true })
  conditions?: string;

  @Field({ nullable: true })
  fees?: string;

  @Field(() => Int)
  statutoryDays: number;

  @Field(() => Int)
  promisedDays: number;

  @Field(() => String, { nullable: true, description: 'Supervising department (监督主体) of the unit.' })
  supervisorDepartmentId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Held by the unit's principal leader (一把手职权); default false.",
  })
  principalLeader?: boolean | null;

  @Field(() => [FlowStepInput])
  flow: FlowStepInput[];

  @Field(() => [RiskPointInput], { nullable: true })
  riskPoints?: RiskPointInput[];

  @Field(() => [EfficiencyPointInput], { nullable: true })
  efficiencyPoints?: EfficiencyPointInput[];

  @Field(() => [CheckpointInput], { nullable: true })
  checkpoints?: CheckpointInput[];
}

@InputType({
  description:
    'Changes to a power. Omitted fields stay; `flow` replaces the whole flow. A published power gets a new DRAFT version.',
})
export class UpdatePowerInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => PowerCategory, { nullable: true })
  category?: PowerCategory;

  @Field({ nullable: true })
  legalBasis?: string;

  @Field({ nullable: true })
  departmentId?: string;

  @Field(() => String, { nullable: true })
  postId?: string | null;

  @Field({ nullable: true })
  conditions?: string;

  @Field({ nullable: true })
  fees?: string;

  @Field(() => Int, { nullable: true })
  statutoryDays?: number;

  @Field(() => Int, { nullable: true })
  promisedDays?: number;

  @Field(() => String, { nullable: true })
  supervisorDepartmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Held by the unit's principal leader (一把手职权)." })
  principalLeader?: boolean | null;

  @Field(() => [FlowStepInput], { nullable: true })
  flow?: FlowStepInput[];
}
