import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';

/** What the gateway needs to know of a token's subject. */
export enum AccountStanding {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
  /** The account existed and was deleted. */
  DELETED = 'DELETED',
  /** No account was ever recorded under this subject. */
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(AccountStanding, { name: 'AccountStanding' });

@Directive('@inaccessible')
@ObjectType({ description: "For the gateway: whether a token's subject may still act (service callers only)." })
export class AccountState {
  @Field()
  subject: string;

  @Field(() => AccountStanding)
  standing: AccountStanding;

  @Field(() => Date, { nullable: true, description: 'Tokens issued before this instant are refused.' })
  tokensValidAfter: Date | null;
}
