import { AppError, ErrorKind } from '@sunlight/shared';

/** Error codes of complaint statistics. */
export enum ComplaintStatsErrorCode {
  /** The cases subgraph did not answer how many cases were filed, so rates per case cannot be given. */
  CASES_UNAVAILABLE = 'CASES_UNAVAILABLE',
}

function kindOf(code: ComplaintStatsErrorCode): ErrorKind {
  switch (code) {
    case ComplaintStatsErrorCode.CASES_UNAVAILABLE:
      return ErrorKind.UNAVAILABLE;
  }
}

/** Builds a typed error of complaint statistics. */
export function complaintStatsError(code: ComplaintStatsErrorCode, message: string, field?: string): AppError {
  return new AppError(code, kindOf(code), message, field);
}
