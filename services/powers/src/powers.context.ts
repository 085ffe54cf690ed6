import type { ContextInput, SubgraphContext } from '@sunlight/shared';
import { createPowerLoaders, type PowerLoaders } from './power/power.loader';
import { PowerQueryService } from './power/power-query.service';
import { PowerService } from './power/power.service';
import { AccountAdminService } from './account/account-admin.service';
import { PasswordVerifier } from './sign-in/credential-verifier';
import { SignInService } from './sign-in/sign-in.service';
import { AccountStateService } from './unit/account-state.service';
import { createUnitLoaders, type UnitLoaders } from './unit/unit.loader';
import { UnitService } from './unit/unit.service';

/** Per-request context of the powers subgraph: loaders are created here, once per request. */
export interface PowersContext extends SubgraphContext {
  unitLoaders: UnitLoaders;
  powerLoaders: PowerLoaders;
  units: UnitService;
  catalog: PowerQueryService;
  powers: PowerService;
  accounts: AccountStateService;
  accountAdmin: AccountAdminService;
  signIn: SignInService;
}

export function createPowersContext({ principal, requestId, dataSource }: ContextInput): PowersContext {
  const unitLoaders = createUnitLoaders(dataSource);
  const powerLoaders = createPowerLoaders(dataSource);
  return {
    principal,
    requestId,
    unitLoaders,
    powerLoaders,
    units: new UnitService(unitLoaders),
    catalog: new PowerQueryService(dataSource, powerLoaders),
    powers: new PowerService(dataSource),
    accounts: new AccountStateService(dataSource),
    accountAdmin: new AccountAdminService(dataSource),
    signIn: new SignInService(dataSource, new PasswordVerifier(dataSource)),
  };
}
