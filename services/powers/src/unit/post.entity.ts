import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A post (岗位) within a department; flow steps are assigned to posts. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A post (岗位) within a department: staff in scope see every post, the public those a published power names.',
})
@Entity('post')
export class Post {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @Field()
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;
}
