import { Tier } from '@sunlight/shared';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An administrative division (行政区划单位), keyed by its 12-digit division code. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'An administrative unit (单位/行政区划), keyed by its 12-digit statistical division code.' })
@Entity('unit')
export class Unit {
  @Field(() => ID, { description: '12-digit division code; the first 6 digits follow GB/T 2260.' })
  @PrimaryColumn({ type: 'char', length: 12 })
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => Tier)
  @Column({ type: 'text' })
  tier: Tier;

  @Column({ name: 'parent_code', type: 'char', length: 12, nullable: true })
  parentCode: string | null;
}
