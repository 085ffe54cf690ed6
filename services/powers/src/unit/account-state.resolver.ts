import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { PowersContext } from '../powers.context';
import { AccountState } from './account-state.type';

@Resolver()
export class AccountStateResolver {
  @Directive('@inaccessible')
  @Query(() => [AccountState], {
    description: "For the gateway: the standing of tokens' subjects, in the order asked.",
  })
  accountStates(
    @Arg('subjects', () => [String]) subjects: string[],
    @Ctx() ctx: PowersContext,
  ): Promise<AccountState[]> {
    return ctx.accounts.states(ctx.principal, subjects);
  }
}
