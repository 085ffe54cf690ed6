import {
  calendarError,
  CalendarErrorCode,
  loadHolidayNotice,
  readNoticeLoads,
  Role,
  runIdempotent,
  Tier,
  unitCode,
  type NoticeLoad,
  type Principal,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import type { HolidayNoticeInput } from './holiday-notice.input';

/**
 * The shared working calendar as the cases service serves it: loading a year's holiday notice
 * (ADMIN of a city only) and listing the loaded years. The calendar itself lives in the
 * `calendar` schema, which this service's role may only read and load through
 * `calendar.load_notice`; every clock of cases and complaints reloads it on each load.
 */
export class CalendarService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Loads `input` as its year's holidays. Idempotent twice over: a retry with the same key
   * answers the first result, and the same days loaded again write nothing (`changed: false`).
   * @throws AppError CALENDAR_LOAD_FORBIDDEN for anyone but an ADMIN of a city; the notice's
   *   validation errors; CALENDAR_YEAR_ALREADY_LOADED.
   */
  async load(p: Principal, input: HolidayNoticeInput, key: string): Promise<NoticeLoad> {
    if (p.role !== Role.ADMIN || !p.unit || unitCode.tierOf(p.unit) !== Tier.CITY)
      throw calendarError(CalendarErrorCode.CALENDAR_LOAD_FORBIDDEN, '只有市级系统管理员可以载入节假日安排');
    const notice = { year: input.year, title: input.title, number: input.number ?? '', days: input.days };
    const loaded = await runIdempotent(
      this.ds,
      { principal: p, key, operation: 'loadHolidayNotice', input: notice },
      (em) => loadHolidayNotice(em, notice, { loadedBy: p.subject, unitCode: p.unit, via: 'MUTATION' }),
    );
    return { ...loaded, loadedAt: new Date(loaded.loadedAt) };
  }

  /** The loaded years with the load that set each, oldest first; for staff of a city. */
  async years(p: Principal): Promise<NoticeLoad[]> {
    if (p.role === Role.PUBLIC || !p.unit || unitCode.tierOf(p.unit) !== Tier.CITY)
      throw calendarError(CalendarErrorCode.CALENDAR_LOAD_FORBIDDEN, '只有市级工作人员可以查看工作日历的载入记录');
    return readNoticeLoads(this.ds);
  }
}
