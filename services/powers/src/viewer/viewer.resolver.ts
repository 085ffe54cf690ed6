import { Tier, unitCode } from '@sunlight/shared';
import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { PowersContext } from '../powers.context';

@ObjectType({ description: 'Who the gateway says is calling.' })
export class Viewer {
  @Field()
  subject: string;

  @Field({ description: 'CLERK, LEADER, INSPECTOR, ADMIN or PUBLIC.' })
  role: string;

  @Field(() => String, { nullable: true })
  unitCode: string | null;

  @Field(() => Tier, { nullable: true })
  tier: Tier | null;
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The caller as the platform sees it.' })
  viewer(@Ctx() ctx: PowersContext): Viewer {
    const { subject, role, unit } = ctx.principal;
    return { subject, role, unitCode: unit ?? null, tier: unit ? unitCode.tierOf(unit) : null };
  }
}
