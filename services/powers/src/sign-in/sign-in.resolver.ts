import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import type { PowersContext } from '../powers.context';
import { SignInGrant } from './sign-in-grant.type';

/** For the gateway's /auth routes (`@inaccessible`, SERVICE callers), and a person's own password. */
@Resolver()
export class SignInResolver {
  @Mutation(() => Boolean, {
    description:
      'Change your own password, proving the current one. Every session and token of yours is revoked: sign in again.',
  })
  changeMyPassword(
    @Arg('currentPassword') current: string,
    @Arg('newPassword') next: string,
    @Ctx() ctx: PowersContext,
  ): Promise<boolean> {
    return ctx.signIn.changeOwnPassword(ctx.principal, current, next);
  }

  @Directive('@inaccessible')
  @Mutation(() => SignInGrant, { description: 'For the gateway: check a password and start a session.' })
  signIn(
    @Arg('subject') subject: string,
    @Arg('password') password: string,
    @Arg('client') client: string,
    @Ctx() ctx: PowersContext,
  ): Promise<SignInGrant> {
    return ctx.signIn.signIn(ctx.principal, subject, password, client);
  }

  @Directive('@inaccessible')
  @Mutation(() => SignInGrant, { description: 'For the gateway: rotate a refresh token.' })
  refreshSignIn(@Arg('refreshToken') token: string, @Ctx() ctx: PowersContext): Promise<SignInGrant> {
    return ctx.signIn.refresh(ctx.principal, token);
  }

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: "For the gateway: revoke a refresh token's session." })
  signOut(@Arg('refreshToken') token: string, @Ctx() ctx: PowersContext): Promise<boolean> {
    return ctx.signIn.signOut(ctx.principal, token);
  }
}
