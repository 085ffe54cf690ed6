import type { CalendarDay } from './calendar-day';

/**
 * One year's holiday schedule as the State Council's notice publishes it
 * (国务院办公厅关于某年部分节假日安排的通知): the dates it closes (holidays, weekends of each break
 * included) and the weekend dates it makes working (调休上班). Everything else in the year follows
 * the Monday-to-Friday rule.
 */
export interface HolidayNotice {
  year: number;
  /** The notice's title, e.g. 国务院办公厅关于2025年部分节假日安排的通知. */
  title: string;
  /** The notice's document number (文号), e.g. 国办发明电〔2024〕12号; empty when not recorded. */
  number: string;
  days: CalendarDay[];
}
