import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department (部门) of a unit: a county bureau, a township service centre. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A department (部门) of a unit.' })
@Entity('department')
export class Department {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'unit_code', type: 'char', length: 12 })
  unitCode: string;

  @Field()
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field({ description: 'True for a discipline-inspection body (纪委监委, 纪检组, 村务监督委员会).' })
  @Column()
  supervisory: boolean;
}
