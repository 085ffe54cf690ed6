import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

/** What a rating is about (评价标签). */
export enum RatingTag {
  ATTITUDE = 'ATTITUDE',
  EFFICIENCY = 'EFFICIENCY',
  FAIRNESS = 'FAIRNESS',
  TRANSPARENCY = 'TRANSPARENCY',
  ASKED_FOR_FAVOURS = 'ASKED_FOR_FAVOURS',
  ENVIRONMENT = 'ENVIRONMENT',
}
registerEnumType(RatingTag, {
  name: 'RatingTag',
  description:
    '服务态度 ATTITUDE, 办事效率 EFFICIENCY, 公平公正 FAIRNESS, 公开透明 TRANSPARENCY, 吃拿卡要 ASKED_FOR_FAVOURS, 窗口环境 ENVIRONMENT.',
});

@InputType({
  description: 'A citizen rates a finished stage of their case with its number and query code; no account needed.',
})
export class RateCaseInput {
  @Field()
  caseNumber: string;

  @Field()
  queryCode: string;

  @Field(() => Int, { description: 'The finished step (stage) rated.' })
  stepNo: number;

  @Field(() => Int, { description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.' })
  score: number;

  @Field(() => [RatingTag], { nullable: true })
  tags?: RatingTag[];

  @Field({ nullable: true, description: 'At most 500 characters; read by leaders and inspectors in scope only.' })
  comment?: string;
}

@InputType({ description: 'A rating from a window device (评价器).' })
export class RateServiceInput {
  @Field({ description: 'The key the device was registered with.' })
  deviceKey: string;

  @Field(() => ID, { nullable: true, description: 'The window post served, if the device knows it.' })
  postId?: string;

  @Field(() => Int)
  score: number;

  @Field(() => [RatingTag], { nullable: true })
  tags?: RatingTag[];

  @Field({ nullable: true })
  comment?: string;
}
