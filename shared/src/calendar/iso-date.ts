const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 in the proleptic Gregorian calendar (Hinnant's days_from_civil). */
function fromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  return fromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - fromCivil(year, month, 1);
}

const MIN_DAY = fromCivil(0, 1, 1);
const MAX_DAY = fromCivil(9999, 12, 31);

/**
 * Calendar dates as `YYYY-MM-DD` strings and as day numbers (days since 1970-01-01), with pure
 * integer arithmetic: no `Date`, no time zone. Internal to the calendar.
 */
export const isoDate = {
  /** The first and last day numbers a `YYYY-MM-DD` string can name. */
  MIN_DAY,
  MAX_DAY,

  /** True for a well-formed, existing date (`2026-02-29` is not one). */
  isValid(date: string): boolean {
    const m = PATTERN.exec(date);
    if (!m) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  },

  /** The day number of a date; throws a RangeError for anything but a valid `YYYY-MM-DD`. */
  toDayNumber(date: string): number {
    if (!isoDate.isValid(date)) throw new RangeError(`not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
    return fromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  },

  /** The `YYYY-MM-DD` string of a day number between MIN_DAY and MAX_DAY. */
  fromDayNumber(n: number): string {
    if (!Number.isInteger(n) || n < MIN_DAY || n > MAX_DAY) throw new RangeError(`day number out of range: ${n}`);
    // Hinnant's civil_from_days
    const z = n + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  },

  /** Day of the week of a day number: 0 Sunday, 1 Monday … 6 Saturday. */
  weekday(n: number): number {
    // 1970-01-01 was a Thursday
    return (((n + 4) % 7) + 7) % 7;
  },
};
