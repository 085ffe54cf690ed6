import { AppError, type FieldProblem } from '../errors/app-error';
import { ErrorKind } from '../errors/error-kind';

/** Error codes of the working-day calendar and of loading a holiday notice. */
export enum CalendarErrorCode {
  /** The input is not a notice at all (not an object, days not a list). */
  CALENDAR_NOTICE_MALFORMED = 'CALENDAR_NOTICE_MALFORMED',
  CALENDAR_YEAR_INVALID = 'CALENDAR_YEAR_INVALID',
  CALENDAR_TITLE_INVALID = 'CALENDAR_TITLE_INVALID',
  CALENDAR_NUMBER_INVALID = 'CALENDAR_NUMBER_INVALID',
  CALENDAR_DAYS_EMPTY = 'CALENDAR_DAYS_EMPTY',
  CALENDAR_DATE_INVALID = 'CALENDAR_DATE_INVALID',
  CALENDAR_DATE_OUTSIDE_YEAR = 'CALENDAR_DATE_OUTSIDE_YEAR',
  CALENDAR_DATE_DUPLICATE = 'CALENDAR_DATE_DUPLICATE',
  CALENDAR_WORKING_INVALID = 'CALENDAR_WORKING_INVALID',
  CALENDAR_NOTE_INVALID = 'CALENDAR_NOTE_INVALID',
  /** A make-up working day (调休上班) that is not a Saturday or Sunday: weekdays work anyway. */
  CALENDAR_MAKEUP_NOT_WEEKEND = 'CALENDAR_MAKEUP_NOT_WEEKEND',
  /** A notice that closes no weekday: not a holiday schedule. */
  CALENDAR_NO_HOLIDAY = 'CALENDAR_NO_HOLIDAY',
  /** The year is loaded already, from a notice with other days; a loaded year is never rewritten. */
  CALENDAR_YEAR_ALREADY_LOADED = 'CALENDAR_YEAR_ALREADY_LOADED',
  /** The shared calendar does not exist yet (no service has migrated this database). */
  CALENDAR_NOT_INSTALLED = 'CALENDAR_NOT_INSTALLED',
  /** Only an ADMIN of a city (the root of the unit tree) may load a notice. */
  CALENDAR_LOAD_FORBIDDEN = 'CALENDAR_LOAD_FORBIDDEN',
}

/** One problem with one field of a notice, with its code. */
export interface CalendarProblem extends FieldProblem {
  code: CalendarErrorCode;
}

function kindOf(code: CalendarErrorCode): ErrorKind {
  switch (code) {
    case CalendarErrorCode.CALENDAR_NOTICE_MALFORMED:
    case CalendarErrorCode.CALENDAR_YEAR_INVALID:
    case CalendarErrorCode.CALENDAR_TITLE_INVALID:
    case CalendarErrorCode.CALENDAR_NUMBER_INVALID:
    case CalendarErrorCode.CALENDAR_DAYS_EMPTY:
    case CalendarErrorCode.CALENDAR_DATE_INVALID:
    case CalendarErrorCode.CALENDAR_DATE_OUTSIDE_YEAR:
    case CalendarErrorCode.CALENDAR_DATE_DUPLICATE:
    case CalendarErrorCode.CALENDAR_WORKING_INVALID:
    case CalendarErrorCode.CALENDAR_NOTE_INVALID:
    case CalendarErrorCode.CALENDAR_MAKEUP_NOT_WEEKEND:
    case CalendarErrorCode.CALENDAR_NO_HOLIDAY:
      return ErrorKind.BAD_INPUT;
    case CalendarErrorCode.CALENDAR_YEAR_ALREADY_LOADED:
    case CalendarErrorCode.CALENDAR_NOT_INSTALLED:
      return ErrorKind.CONFLICT;
    case CalendarErrorCode.CALENDAR_LOAD_FORBIDDEN:
      return ErrorKind.FORBIDDEN;
  }
}

/**
 * A typed calendar error. With `problems`, the error carries every one (each with its code and
 * field) and takes the first one's code and field.
 */
export function calendarError(code: CalendarErrorCode, message: string, field?: string, problems?: CalendarProblem[]) {
  return new AppError(code, kindOf(code), message, field, problems);
}
