import { platformError, PlatformErrorCode } from '@sunlight/shared';
import type { DatePeriod } from './satisfaction.loader';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a [from, to) period of local dates. */
export function datePeriod(from: string, to: string): DatePeriod {
  if (!DATE.test(from) || Number.isNaN(Date.parse(from)))
    throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'from 须为 YYYY-MM-DD 格式的日期', 'from');
  if (!DATE.test(to) || Number.isNaN(Date.parse(to)))
    throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'to 须为 YYYY-MM-DD 格式的日期', 'to');
  if (!(from < to)) throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'from 须早于 to', 'from');
  return { from, to };
}
