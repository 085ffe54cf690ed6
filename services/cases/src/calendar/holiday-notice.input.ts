import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: '通知所列的一天：放假（working: false）或调休上班（working: true）。' })
export class HolidayNoticeDayInput {
  @Field({ description: "YYYY-MM-DD, within the notice's year." })
  date: string;

  @Field({ description: 'true: a make-up working day (调休上班, a Saturday or Sunday); false: a day off.' })
  working: boolean;

  @Field({ description: 'Why, as the notice says: 春节, 春节调休上班.' })
  note: string;
}

@InputType({
  description: "One year's holidays from the State Council's notice (国务院办公厅关于某年部分节假日安排的通知).",
})
export class HolidayNoticeInput {
  @Field(() => Int)
  year: number;

  @Field({ description: "The notice's title; it names the year." })
  title: string;

  @Field({ nullable: true, description: 'The document number (文号), e.g. 国办发明电〔2024〕12号.' })
  number?: string;

  @Field(() => [HolidayNoticeDayInput], {
    description: 'Every date the notice closes (weekends of each break included) and every make-up working day.',
  })
  days: HolidayNoticeDayInput[];
}
