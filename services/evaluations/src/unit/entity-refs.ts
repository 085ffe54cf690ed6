import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** `Unit`, owned by the powers subgraph; evaluations adds satisfaction. */
@Directive('@key(fields: "code")')
@ObjectType('Unit')
export class UnitRef {
  @Field(() => ID)
  code: string;
}

/** `Department`, owned by the powers subgraph. */
@Directive('@key(fields: "id")')
@ObjectType('Department')
export class DepartmentRef {
  @Field(() => ID)
  id: string;
}

/** `Post`, owned by the powers subgraph. */
@Directive('@key(fields: "id")')
@ObjectType('Post')
export class PostRef {
  @Field(() => ID)
  id: string;
}
