import { PageInfo } from '@sunlight/shared';
import { Field, InputType, ObjectType } from 'type-graphql';

/** A person's account as an ADMIN of its subtree manages it. */
@ObjectType({ description: 'An account (账号) as an ADMIN of its subtree sees it; never its password.' })
export class StaffAccount {
  @Field()
  subject: string;

  @Field()
  name: string;

  @Field({ description: 'CLERK, LEADER, INSPECTOR, ADMIN or SCREEN (大屏账号: read-only, the big screen only).' })
  role: string;

  @Field()
  unitCode: string;

  @Field(() => String, { nullable: true })
  departmentId: string | null;

  @Field(() => String, { nullable: true })
  postId: string | null;

  @Field({ description: 'ACTIVE or DISABLED.' })
  status: string;
}

@ObjectType()
export class StaffAccountEdge {
  @Field(() => StaffAccount)
  node: StaffAccount;

  @Field()
  cursor: string;
}

@ObjectType({ description: "A page of a unit subtree's accounts, ordered by login name." })
export class StaffAccountConnection {
  @Field(() => [StaffAccountEdge])
  edges: StaffAccountEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType({ description: 'A new account within your subtree, with its initial password.' })
export class CreateAccountInput {
  @Field({ description: 'Login name: 3-64 letters, digits, dot, dash or underscore.' })
  subject: string;

  @Field()
  name: string;

  @Field({ description: 'CLERK, LEADER, INSPECTOR, ADMIN or SCREEN (大屏账号: read-only, the big screen only).' })
  role: string;

  @Field()
  unitCode: string;

  @Field(() => String, { nullable: true })
  departmentId?: string | null;

  @Field(() => String, { nullable: true })
  postId?: string | null;

  @Field({ description: 'At least 10 characters with letters and digits.' })
  initialPassword: string;
}
