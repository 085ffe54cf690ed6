import { CheckpointKind } from '@sunlight/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A hard rule (电子关卡, 红线) of the current step, as the case was filed under it, checked when the case leaves the step.',
})
export class StepCheckpoint {
  @Field(() => ID)
  id: string;

  @Field(() => CheckpointKind)
  kind: CheckpointKind;

  @Field({ description: 'The rule as the power catalog describes it.' })
  description: string;

  @Field({ description: 'Its parameters in words (zh-CN), e.g. 单项变更不得超过 500,000 元.' })
  requirement: string;

  @Field({ description: 'The law or rule it enforces (依据).' })
  legalBasis: string;

  @Field({ description: 'What happens when it is not met (踩中红线的处理), in words (zh-CN).' })
  consequence: string;
}

/**
 * Risk hints (前期预警) for the step a case is at: what its handler must watch before acting.
 * Keyed by the power version the case was filed under and the step; the cases service gives the
 * step and its checkpoints (from the case's power snapshot), the powers service adds the risk
 * points (廉政风险点) of that same version.
 */
@Directive('@key(fields: "powerId version stepNo", resolvable: false)')
@ObjectType('StepRiskHints', {
  description:
    'Risk hints (前期预警) of the step a case is at: its checkpoints here, its risk points from the power catalog.',
})
export class StepRiskHints {
  @Field(() => ID)
  powerId: string;

  @Field(() => Int, { description: 'The power version the case was filed under (not the latest).' })
  version: number;

  @Field(() => Int)
  stepNo: number;

  @Field()
  stepName: string;

  @Field(() => [StepCheckpoint], { description: 'The checkpoints checked when the case leaves this step.' })
  checkpoints: StepCheckpoint[];
}
