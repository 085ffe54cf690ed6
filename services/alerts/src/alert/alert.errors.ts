import { AppError, ErrorKind } from '@sunlight/shared';

/** Error codes of alerts. */
export enum AlertErrorCode {
  ALERT_NOT_FOUND = 'ALERT_NOT_FOUND',
  ALERT_DISPOSED = 'ALERT_DISPOSED',
}

function kindOf(code: AlertErrorCode): ErrorKind {
  switch (code) {
    case AlertErrorCode.ALERT_NOT_FOUND:
      return ErrorKind.NOT_FOUND;
    case AlertErrorCode.ALERT_DISPOSED:
      return ErrorKind.CONFLICT;
  }
}

/** Builds a typed error of alerts. */
export function alertError(code: AlertErrorCode, message: string, field?: string): AppError {
  return new AppError(code, kindOf(code), message, field);
}
