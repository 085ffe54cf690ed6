import { OutboxNotify1765000000000, PlatformTables1763769600000, type SubgraphDefinition } from '@sunlight/shared';
import { Catalog1763769700000 } from './migrations/1763769700000-catalog';
import { AccountStatus1766100000000 } from './migrations/1766100000000-account-status';
import { PowerCatalogCode1766400000000 } from './migrations/1766400000000-power-catalog-code';
import { PrincipalLeader1766400100000 } from './migrations/1766400100000-principal-leader';
import { SignIn1766500000000 } from './migrations/1766500000000-sign-in';
import { PasswordMustChange1766500100000 } from './migrations/1766500100000-password-must-change';
import { ScreenRole1766600000000 } from './migrations/1766600000000-screen-role';
import { AccountAdminResolver } from './account/account-admin.resolver';
import { SignInResolver } from './sign-in/sign-in.resolver';
import { PowerRecord, PowerVersionRecord } from './power/power.entity';
import { Checkpoint, EfficiencyPoint, FlowStep, RiskPoint } from './power/power-items.entity';
import { PowerMutationResolver } from './power/power-mutation.resolver';
import { powerReference } from './power/power.reference';
import { FlowStepResolver, PowerConnectionResolver, PowerResolver } from './power/power.resolver';
import { createPowersContext, type PowersContext } from './powers.context';
import { StepRiskHintsResolver } from './risk-hints/step-risk-hints.resolver';
import { stepRiskHintsReference } from './risk-hints/step-risk-hints.reference';
import { StepRiskHints } from './risk-hints/step-risk-hints.type';
import { seedDemo } from './seed/seed-demo';
import { Account } from './unit/account.entity';
import { AccountStateResolver } from './unit/account-state.resolver';
import { Department } from './unit/department.entity';
import { Post } from './unit/post.entity';
import { Unit } from './unit/unit.entity';
import { departmentReference, postReference, unitReference } from './unit/unit.reference';
import { DepartmentResolver, PostResolver, UnitResolver } from './unit/unit.resolver';
import { ViewerResolver } from './viewer/viewer.resolver';

/** The powers subgraph: the unit tree and the versioned power catalog. */
export const powersSubgraph: SubgraphDefinition<PowersContext> = {
  name: 'powers',
  entities: [
    Unit,
    Department,
    Post,
    Account,
    PowerRecord,
    PowerVersionRecord,
    FlowStep,
    RiskPoint,
    EfficiencyPoint,
    Checkpoint,
  ],
  migrations: [
    PlatformTables1763769600000,
    Catalog1763769700000,
    OutboxNotify1765000000000,
    AccountStatus1766100000000,
    PowerCatalogCode1766400000000,
    PrincipalLeader1766400100000,
    SignIn1766500000000,
    PasswordMustChange1766500100000,
    ScreenRole1766600000000,
  ],
  resolvers: [
    UnitResolver,
    DepartmentResolver,
    PostResolver,
    PowerResolver,
    FlowStepResolver,
    PowerConnectionResolver,
    PowerMutationResolver,
    ViewerResolver,
    AccountStateResolver,
    StepRiskHintsResolver,
    SignInResolver,
    AccountAdminResolver,
  ],
  // Reached only through references (a case's current step, from the cases subgraph).
  orphanedTypes: [StepRiskHints],
  references: {
    Unit: unitReference,
    Power: powerReference,
    Department: departmentReference,
    Post: postReference,
    StepRiskHints: stepRiskHintsReference,
  },
  createContext: createPowersContext,
  seedDemo,
};

/** The deploy list's uniform entry (`createSubgraph` in every service's index): powers needs no settings. */
export function createPowersSubgraph(): SubgraphDefinition<PowersContext> {
  return powersSubgraph;
}
