import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('HolidayNoticeLoad', {
  description: 'The load that set one year of the shared working calendar: who, what, how and when.',
})
export class NoticeLoadType {
  @Field(() => ID)
  loadId: string;

  @Field(() => Int)
  year: number;

  @Field()
  title: string;

  @Field({ description: 'The document number (文号); empty when not recorded.' })
  number: string;

  @Field(() => Int, { description: 'How many dates the notice listed.' })
  days: number;

  @Field({ description: 'Who loaded it: a subject, command:<user>, or migration:<name>.' })
  loadedBy: string;

  @Field(() => String, { nullable: true })
  unitCode: string | null;

  @Field({ description: 'MIGRATION, COMMAND or MUTATION.' })
  via: string;

  @Field()
  loadedAt: Date;

  @Field({ description: 'False when the year was loaded already with the same days: nothing was written.' })
  changed: boolean;
}
