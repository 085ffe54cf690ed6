import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { PowersContext } from '../powers.context';
import { CreateAccountInput, StaffAccount, StaffAccountConnection } from './staff-account.type';

/** Accounts of an ADMIN's subtree. */
@Resolver(() => StaffAccount)
export class AccountAdminResolver {
  @Query(() => StaffAccountConnection, {
    description: "ADMIN: the accounts of a unit's subtree (within yours). `first` is required (at most 100).",
  })
  accounts(
    @Arg('unit') unit: string,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: PowersContext,
  ): Promise<StaffAccountConnection> {
    return ctx.accountAdmin.list(ctx.principal, unit, first, after);
  }

  @Mutation(() => StaffAccount, { description: 'ADMIN: create an account within your subtree.' })
  createAccount(@Arg('input') input: CreateAccountInput, @Ctx() ctx: PowersContext): Promise<StaffAccount> {
    return ctx.accountAdmin.create(ctx.principal, input);
  }

  @Mutation(() => StaffAccount, { description: 'ADMIN: disable an account; its sessions and tokens stop at once.' })
  disableAccount(@Arg('subject') subject: string, @Ctx() ctx: PowersContext): Promise<StaffAccount> {
    return ctx.accountAdmin.setEnabled(ctx.principal, subject, false);
  }

  @Mutation(() => StaffAccount, { description: 'ADMIN: enable a disabled account again.' })
  enableAccount(@Arg('subject') subject: string, @Ctx() ctx: PowersContext): Promise<StaffAccount> {
    return ctx.accountAdmin.setEnabled(ctx.principal, subject, true);
  }

  @Mutation(() => StaffAccount, {
    description: "ADMIN: set a new password; the account's sessions and tokens are revoked and its lock lifted.",
  })
  resetAccountPassword(
    @Arg('subject') subject: string,
    @Arg('password') password: string,
    @Ctx() ctx: PowersContext,
  ): Promise<StaffAccount> {
    return ctx.accountAdmin.resetPassword(ctx.principal, subject, password);
  }

  @Mutation(() => StaffAccount, { description: "ADMIN: set an account's department and post (null clears)." })
  assignAccount(
    @Arg('subject') subject: string,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('postId', () => ID, { nullable: true }) postId: string | null,
    @Ctx() ctx: PowersContext,
  ): Promise<StaffAccount> {
    return ctx.accountAdmin.assign(ctx.principal, subject, departmentId, postId);
  }
}
