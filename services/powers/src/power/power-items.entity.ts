import { CheckpointKind, type CheckpointParams } from '@sunlight/shared';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { riskLevel, RiskColour } from '../risk-hints/risk-level';

/** Columns every per-version item shares: the power and version it belongs to. */
abstract class VersionItem {
  @PrimaryColumn({ name: 'power_id', type: 'uuid' })
  powerId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;
}

/** One step of a power's flow (流程图): who handles it and within how many working days. */
@ObjectType({ description: 'A step of the flow (流程): its post and its time limit in working days.' })
@Entity('flow_step')
export class FlowStep extends VersionItem {
  @Field(() => Int, { description: 'Position in the flow, from 1; steps run in this order and none is skipped.' })
  @PrimaryColumn({ name: 'step_no', type: 'int' })
  stepNo: number;

  @Field()
  @Column()
  name: string;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId: string | null;

  @Field(() => Int, { description: 'Time limit of the step in working days (办理时限).' })
  @Column({ name: 'time_limit_days', type: 'int' })
  timeLimitDays: number;

  @Field()
  @Column()
  description: string;
}

/** A corruption-risk point (廉政风险点) with its prevention measures (防控措施). */
@ObjectType({ description: 'An integrity risk point (廉政风险点). Level 1 is red (highest), 2 orange, 3 yellow.' })
@Entity('risk_point')
export class RiskPoint extends VersionItem {
  @Field(() => ID, { description: 'Stable across versions.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => Int, { nullable: true, description: 'The flow step it sits at; null for the power as a whole.' })
  @Column({ name: 'step_no', type: 'int', nullable: true })
  stepNo: number | null;

  @Field(() => Int, { description: '1 一级 (red), 2 二级 (orange), 3 三级 (yellow).' })
  @Column({ type: 'smallint' })
  level: number;

  @Field(() => RiskColour, { description: 'The colour the level is marked in (seed 001: 一、二、三级 红、橙、黄).' })
  get colour(): RiskColour {
    return riskLevel(this.level).colour;
  }

  @Field({ description: 'The level in words with its colour, e.g. 一级（红色）.' })
  get levelLabel(): string {
    return riskLevel(this.level).label;
  }

  @Field()
  @Column()
  description: string;

  @Field(() => [String], { description: 'Prevention measures (防控措施).' })
  @Column({ type: 'text', array: true })
  measures: string[];
}

/** An efficiency point (工作效能点): a commitment on speed or service. */
@ObjectType({ description: 'An efficiency point (工作效能点).' })
@Entity('efficiency_point')
export class EfficiencyPoint extends VersionItem {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'step_no', type: 'int', nullable: true })
  stepNo: number | null;

  @Field()
  @Column()
  description: string;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'time_limit_days', type: 'int', nullable: true })
  timeLimitDays: number | null;
}

/** A hard rule (电子关卡) on a step, enforced by the cases service. */
@ObjectType({ description: 'A hard rule (电子关卡) on a step, enforced when a case leaves that step.' })
@Entity('checkpoint')
export class Checkpoint extends VersionItem {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => Int)
  @Column({ name: 'step_no', type: 'int' })
  stepNo: number;

  @Field(() => CheckpointKind)
  @Column({ type: 'text' })
  kind: CheckpointKind;

  @Field(() => GraphQLJSONObject, { description: 'Parameters of the rule; see CheckpointKind for which apply.' })
  @Column({ type: 'jsonb' })
  params: CheckpointParams;

  @Field()
  @Column({ name: 'legal_basis' })
  legalBasis: string;

  @Field()
  @Column()
  description: string;
}
