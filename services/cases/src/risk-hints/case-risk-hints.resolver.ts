import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Case } from '../case/case.type';
import { stepRiskHints } from './step-risk-hints';
import { StepRiskHints } from './step-risk-hints.type';

@Resolver(() => Case)
export class CaseRiskHintsResolver {
  @FieldResolver(() => StepRiskHints, {
    nullable: true,
    description:
      'Risk hints (前期预警) of the current step, under the power version the case was filed under: its risk points and checkpoints. Null once the case is closed.',
  })
  riskHints(@Root() c: Case): StepRiskHints | null {
    return stepRiskHints(c.row);
  }
}
