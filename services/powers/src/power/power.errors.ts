import { AppError, ErrorKind } from '@sunlight/shared';

/** Error codes of the power catalog. */
export enum PowerErrorCode {
  POWER_NOT_FOUND = 'POWER_NOT_FOUND',
  UNIT_NOT_FOUND = 'UNIT_NOT_FOUND',
  POWER_CODE_TAKEN = 'POWER_CODE_TAKEN',
  POWER_RETIRED = 'POWER_RETIRED',
  NOTHING_TO_PUBLISH = 'NOTHING_TO_PUBLISH',
  ITEM_NOT_FOUND = 'ITEM_NOT_FOUND',
}

function kindOf(code: PowerErrorCode): ErrorKind {
  switch (code) {
    case PowerErrorCode.POWER_NOT_FOUND:
    case PowerErrorCode.UNIT_NOT_FOUND:
    case PowerErrorCode.ITEM_NOT_FOUND:
      return ErrorKind.NOT_FOUND;
    case PowerErrorCode.POWER_CODE_TAKEN:
    case PowerErrorCode.POWER_RETIRED:
    case PowerErrorCode.NOTHING_TO_PUBLISH:
      return ErrorKind.CONFLICT;
  }
}

/** Builds a typed error of the power catalog. */
export function powerError(code: PowerErrorCode, message: string, field?: string): AppError {
  return new AppError(code, kindOf(code), message, field);
}
