import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { PowersContext } from '../powers.context';
import { Department } from '../unit/department.entity';
import { Post } from '../unit/post.entity';
import { Unit } from '../unit/unit.entity';
import { PowerConnection, PowerFilter } from './power.connection';
import { versionKey } from './power.loader';
import { Power, toPower } from './power.type';
import { POWER_CATEGORY_LABEL } from './power-category';
import { Checkpoint, EfficiencyPoint, FlowStep, RiskPoint } from './power-items.entity';
import { canSeeCheckpoints, canSeePowerVersion } from './power-visibility';

@Resolver(() => Power)
export class PowerResolver {
  @Query(() => PowerConnection, {
    description: "The power catalog (权力清单) of a unit's subtree. `first` is required (at most 100).",
  })
  powers(
    @Ctx() ctx: PowersContext,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unit', () => ID, {
      nullable: true,
      description: "Root of the subtree; default: the caller's unit (the whole catalog for the public).",
    })
    unit?: string,
    @Arg('filter', () => PowerFilter, { nullable: true }) filter?: PowerFilter,
  ): Promise<PowerConnection> {
    return ctx.catalog.list(ctx.principal, unit, filter ?? {}, first, after);
  }

  @Query(() => Power, { description: 'One power, at `version` or at the version you should see by default.' })
  power(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    return ctx.catalog.get(ctx.principal, id, version);
  }

  @FieldResolver(() => String, { description: 'Category in Chinese (行政许可 …).' })
  categoryLabel(@Root() p: Power): string {
    return POWER_CATEGORY_LABEL[p.category];
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() p: Power, @Ctx() ctx: PowersContext): Promise<Unit | null> {
    return ctx.units.find(ctx.principal, p.unitCode);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Responsible department (责任主体).' })
  department(@Root() p: Power, @Ctx() ctx: PowersContext): Promise<Department | null> {
    return ctx.units.department(ctx.principal, p.departmentId);
  }

  @FieldResolver(() => Post, { nullable: true, description: 'Responsible post (责任岗位), public with the power.' })
  responsiblePost(@Root() p: Power, @Ctx() ctx: PowersContext): Promise<Post | null> {
    return ctx.units.postOfPower(ctx.principal, p.postId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Supervising department (监督主体).' })
  supervisor(@Root() p: Power, @Ctx() ctx: PowersContext): Promise<Department | null> {
    return ctx.units.department(ctx.principal, p.supervisorDepartmentId);
  }

  @FieldResolver(() => [FlowStep], { description: 'The flow (流程), step by step.' })
  flow(@Root() p: Power, @Ctx() ctx: PowersContext): Promise<FlowStep[]> {
    return ctx.powerLoaders.flow.load(versionKey(p.id, p.version));
  }

  @FieldResolver(() => [RiskPoint], {
    description: 'Integrity risk points (廉政风险点) with their level, colour and prevention measures.',
  })
  riskPoints(@Root() p: Power, @Ctx() ctx: PowersContext): Promise<RiskPoint[]> {
    return ctx.powerLoaders.riskPoints.load(versionKey(p.id, p.version));
  }

  @FieldResolver(() => [EfficiencyPoint], { description: 'Efficiency points (工作效能点).' })
  efficiencyPoints(@Root() p: Power, @Ctx() ctx: PowersContext): Promise<EfficiencyPoint[]> {
    return ctx.powerLoaders.efficiencyPoints.load(versionKey(p.id, p.version));
  }

  @FieldResolver(() => [Checkpoint], {
    description: 'Hard rules (电子关卡) on the steps, as the system enforces them; staff only, empty for the public.',
  })
  async checkpoints(@Root() p: Power, @Ctx() ctx: PowersContext): Promise<Checkpoint[]> {
    return canSeeCheckpoints(ctx.principal) ? ctx.powerLoaders.checkpoints.load(versionKey(p.id, p.version)) : [];
  }

  @FieldResolver(() => [Power], { description: 'Every version you may see, oldest first.' })
  async versions(@Root() p: Power, @Ctx() ctx: PowersContext): Promise<Power[]> {
    const [record, versions] = await Promise.all([
      ctx.powerLoaders.power.load(p.id),
      ctx.powerLoaders.versionsOf.load(p.id),
    ]);
    if (!record) return [];
    return versions.filter((v) => canSeePowerVersion(ctx.principal, record, v)).map((v) => toPower(record, v));
  }
}

@Resolver(() => FlowStep)
export class FlowStepResolver {
  @FieldResolver(() => Post, {
    nullable: true,
    description: 'Post handling the step (责任岗位), public with the power.',
  })
  post(@Root() s: FlowStep, @Ctx() ctx: PowersContext): Promise<Post | null> {
    // A step is only reached through a power the caller may see.
    return ctx.units.postOfPower(ctx.principal, s.postId);
  }
}

@Resolver(() => PowerConnection)
export class PowerConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of powers matching the filters (one extra count query).' })
  totalCount(@Root() c: PowerConnection): Promise<number> {
    return c.totalCount();
  }
}
