import { AppError, ErrorKind } from '@sunlight/shared';

/** Error codes of cases. */
export enum CaseErrorCode {
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  POWER_NOT_AVAILABLE = 'POWER_NOT_AVAILABLE',
  NOT_RESPONSIBLE = 'NOT_RESPONSIBLE',
  NOT_HANDLER = 'NOT_HANDLER',
  SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CASE_CLOSED = 'CASE_CLOSED',
  CHECKPOINT_VIOLATED = 'CHECKPOINT_VIOLATED',
  POWERS_UNAVAILABLE = 'POWERS_UNAVAILABLE',
}

function kindOf(code: CaseErrorCode): ErrorKind {
  switch (code) {
    case CaseErrorCode.CASE_NOT_FOUND:
    case CaseErrorCode.POWER_NOT_AVAILABLE:
      return ErrorKind.NOT_FOUND;
    case CaseErrorCode.NOT_RESPONSIBLE:
    case CaseErrorCode.NOT_HANDLER:
    case CaseErrorCode.SEPARATION_OF_DUTIES:
      return ErrorKind.FORBIDDEN;
    case CaseErrorCode.INVALID_TRANSITION:
    case CaseErrorCode.CASE_CLOSED:
    case CaseErrorCode.CHECKPOINT_VIOLATED:
    case CaseErrorCode.POWERS_UNAVAILABLE:
      return ErrorKind.CONFLICT;
  }
}

/** Builds a typed error of cases. */
export function caseError(code: CaseErrorCode, message: string, field?: string): AppError {
  return new AppError(code, kindOf(code), message, field);
}
