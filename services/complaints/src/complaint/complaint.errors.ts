import { AppError, ErrorKind } from '@sunlight/shared';

/** Error codes of complaints and notices. */
export enum ComplaintErrorCode {
  COMPLAINT_NOT_FOUND = 'COMPLAINT_NOT_FOUND',
  NOT_HANDLER = 'NOT_HANDLER',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  ALREADY_EXTENDED = 'ALREADY_EXTENDED',
  NO_IDENTITY = 'NO_IDENTITY',
  NOTICE_NOT_FOUND = 'NOTICE_NOT_FOUND',
  ITEM_NOT_FOUND = 'ITEM_NOT_FOUND',
  /** The powers service did not answer whether a unit exists; nothing was written. */
  UNITS_UNAVAILABLE = 'UNITS_UNAVAILABLE',
}

function kindOf(code: ComplaintErrorCode): ErrorKind {
  switch (code) {
    case ComplaintErrorCode.COMPLAINT_NOT_FOUND:
    case ComplaintErrorCode.NOTICE_NOT_FOUND:
    case ComplaintErrorCode.ITEM_NOT_FOUND:
      return ErrorKind.NOT_FOUND;
    case ComplaintErrorCode.NOT_HANDLER:
      return ErrorKind.FORBIDDEN;
    case ComplaintErrorCode.INVALID_TRANSITION:
    case ComplaintErrorCode.ALREADY_EXTENDED:
    case ComplaintErrorCode.NO_IDENTITY:
      return ErrorKind.CONFLICT;
    case ComplaintErrorCode.UNITS_UNAVAILABLE:
      return ErrorKind.UNAVAILABLE;
  }
}

/** Builds a typed error of complaints. */
export function complaintError(code: ComplaintErrorCode, message: string, field?: string): AppError {
  return new AppError(code, kindOf(code), message, field);
}
