import { platformError, PlatformErrorCode } from '@sunlight/shared';
import type { DatePeriod } from './satisfaction.loader';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a [from, to) period of local dates. */
export function datePeriod(from: string, to: string): DatePeriod {
  if (!DATE.test(from) || Number.isNaN(Date.parse(from)))
    throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'from must be a date YYYY-MM-DD', 'from');
  if (!DATE.test(to) || Number.isNaN(Date.parse(to)))
    throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'to must be a date YYYY-MM-DD', 'to');
  if (!(from < to)) throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'from must be before to', 'from');
  return { from, to };
}
