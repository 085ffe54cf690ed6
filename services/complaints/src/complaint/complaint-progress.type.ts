import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A step of a complaint as its complainant sees it.' })
export class ComplaintProgressEvent {
  @Field(() => Int)
  seq: number;

  @Field()
  kind: string;

  @Field()
  at: Date;

  @Field()
  hash: string;
}

@ObjectType({
  description: "The complainant's view (with the follow-up code): status, dates, conclusion and feedback.",
})
export class ComplaintProgress {
  @Field()
  number: string;

  @Field()
  status: string;

  @Field()
  receivedAt: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => Date, { nullable: true })
  concludedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Given once feedback is given.' })
  conclusion: string | null;

  @Field(() => String, { nullable: true })
  feedback: string | null;

  @Field(() => [ComplaintProgressEvent])
  events: ComplaintProgressEvent[];
}
