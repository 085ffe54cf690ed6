import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RatingTag } from './rating.input';

@ObjectType({ description: 'A rating as acknowledged to the rater: no link to any person or case.' })
export class RatingReceipt {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  score: number;

  @Field()
  ratedOn: string;
}

@ObjectType({ description: 'A rating comment, for leaders and inspectors in scope; never who rated, nor which case.' })
export class RatingComment {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  score: number;

  @Field(() => [RatingTag])
  tags: RatingTag[];

  @Field()
  comment: string;

  @Field({ description: 'Local date only.' })
  ratedOn: string;

  @Field()
  unitCode: string;

  @Field()
  departmentId: string;

  @Field(() => Int, { nullable: true })
  stepNo: number | null;

  @Field({ description: 'CASE (by the applicant) or DEVICE (window rating device).' })
  source: string;
}
