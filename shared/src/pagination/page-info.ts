import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay page info. Shareable: every subgraph defines the same type. */
@Directive('@shareable')
@ObjectType({ description: 'Relay-style pagination state of a connection.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass as `after` for the next page.' })
  endCursor: string | null;
}
