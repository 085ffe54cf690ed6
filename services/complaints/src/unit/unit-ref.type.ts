import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** `Unit`, owned by the powers subgraph; complaints adds statistics. */
@Directive('@key(fields: "code")')
@ObjectType('Unit')
export class UnitRef {
  @Field(() => ID)
  code: string;
}
