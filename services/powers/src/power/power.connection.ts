import { PageInfo } from '@sunlight/shared';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PowerCategory } from './power-category';
import { PowerStatus } from './power-status';
import { Power } from './power.type';

@ObjectType()
export class PowerEdge {
  @Field(() => Power)
  node: Power;

  @Field()
  cursor: string;
}

@ObjectType({ description: 'A page of the power catalog, ordered by unit code then power code.' })
export class PowerConnection {
  @Field(() => [PowerEdge])
  edges: PowerEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  totalCount: () => Promise<number>;
}

@InputType({ description: 'Catalog filters; all optional and combined with AND.' })
export class PowerFilter {
  @Field(() => PowerCategory, { nullable: true })
  category?: PowerCategory;

  @Field({ nullable: true, description: 'Responsible department id.' })
  departmentId?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Only powers with a risk point of this level (1 red, 2 orange, 3 yellow).',
  })
  riskLevel?: number;

  @Field({
    nullable: true,
    description: 'Text in the name or the code, or the whole city-wide code (case-insensitive).',
  })
  text?: string;

  @Field(() => PowerStatus, { nullable: true, description: 'Staff only; the public sees PUBLISHED powers.' })
  status?: PowerStatus;

  @Field({ nullable: true, description: 'The city-wide unique code (唯一编号), exactly, e.g. 139901000000-CF-001.' })
  catalogCode?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only powers held by the principal leader (一把手职权); false: only the others.',
  })
  principalLeader?: boolean;
}
