import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { CasesContext } from '../cases.context';
import { HolidayNoticeInput } from './holiday-notice.input';
import { NoticeLoadType } from './notice-load.type';

/** The shared working calendar: load a year's holiday notice, list the loaded years. */
@Resolver()
export class CalendarResolver {
  @Mutation(() => NoticeLoadType, {
    description:
      "Load a year's holidays and make-up working days from the State Council's notice into the working calendar every clock counts with (cases and complaints). City ADMIN only; idempotent; traced; a loaded year is never rewritten.",
  })
  loadHolidayNotice(
    @Arg('input') input: HolidayNoticeInput,
    @Arg('idempotencyKey', {
      description:
        'Idempotency key (8-128 chars): a retry with the same key returns the first result and writes nothing.',
    })
    key: string,
    @Ctx() ctx: CasesContext,
  ): Promise<NoticeLoadType> {
    return ctx.calendar.load(ctx.principal, input, key);
  }

  @Query(() => [NoticeLoadType], {
    description: 'The years loaded into the working calendar, each with the load that set it. City staff only.',
  })
  workingCalendarYears(@Ctx() ctx: CasesContext): Promise<NoticeLoadType[]> {
    return ctx.calendar.years(ctx.principal);
  }
}
