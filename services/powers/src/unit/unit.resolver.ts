import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { PowersContext } from '../powers.context';
import { Department } from './department.entity';
import { Post } from './post.entity';
import { Unit } from './unit.entity';

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { description: 'A unit by its 12-digit code. Staff may read their own subtree only.' })
  unit(@Arg('code', () => ID) code: string, @Ctx() ctx: PowersContext): Promise<Unit> {
    return ctx.units.get(ctx.principal, code);
  }

  @Query(() => [Unit], { description: "The caller's own unit, or the top of the tree for the public." })
  rootUnits(@Ctx() ctx: PowersContext): Promise<Unit[]> {
    return ctx.units.roots(ctx.principal);
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: 'The unit one tier up; null at the top or outside your scope.',
  })
  parent(@Root() unit: Unit, @Ctx() ctx: PowersContext): Promise<Unit | null> {
    return ctx.units.find(ctx.principal, unit.parentCode);
  }

  @FieldResolver(() => [Unit])
  children(@Root() unit: Unit, @Ctx() ctx: PowersContext): Promise<Unit[]> {
    return ctx.units.children(ctx.principal, unit);
  }

  @FieldResolver(() => [Department])
  departments(@Root() unit: Unit, @Ctx() ctx: PowersContext): Promise<Department[]> {
    return ctx.units.departments(ctx.principal, unit);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() d: Department, @Ctx() ctx: PowersContext): Promise<Unit | null> {
    return ctx.units.find(ctx.principal, d.unitCode);
  }

  @FieldResolver(() => [Post], { description: 'Posts of the department; empty for the public.' })
  posts(@Root() d: Department, @Ctx() ctx: PowersContext): Promise<Post[]> {
    return ctx.units.posts(ctx.principal, d);
  }
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => Department, { nullable: true })
  department(@Root() p: Post, @Ctx() ctx: PowersContext): Promise<Department | null> {
    return ctx.units.department(ctx.principal, p.departmentId);
  }
}
