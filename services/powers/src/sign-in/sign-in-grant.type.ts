import { Directive, Field, ObjectType } from 'type-graphql';

/** For the gateway: who signed in (to put in an access token) and the new refresh token. */
@Directive('@inaccessible')
@ObjectType({ description: 'For the gateway: a signed-in account and its new refresh token.' })
export class SignInGrant {
  @Field()
  subject: string;

  @Field()
  role: string;

  @Field()
  unit: string;

  @Field(() => String, { nullable: true, description: 'Department id.' })
  department: string | null;

  @Field(() => String, { nullable: true, description: 'Post id.' })
  post: string | null;

  @Field()
  name: string;

  @Field({ description: 'The password was set by someone else (an ADMIN, the admin command): change it now.' })
  mustChangePassword: boolean;

  @Field({ description: 'Opaque; given to the browser in an httpOnly cookie.' })
  refreshToken: string;

  @Field()
  refreshExpiresAt: Date;
}
