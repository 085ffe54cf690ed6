import { AppError } from './app-error';
import { ErrorKind } from './error-kind';

/** Error codes raised by the platform itself rather than by a domain. */
export enum PlatformErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  FORBIDDEN = 'FORBIDDEN',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  BAD_CURSOR = 'BAD_CURSOR',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  GATEWAY_REQUIRED = 'GATEWAY_REQUIRED',
  /** More mutation fields in one request than the caller may send (aliases counted). */
  TOO_MANY_MUTATIONS = 'TOO_MANY_MUTATIONS',
  /** A request body over the limit; answered with HTTP 413 before it is parsed. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** An attachment, or one action's attachments together, over the size limit. */
  ATTACHMENT_TOO_LARGE = 'ATTACHMENT_TOO_LARGE',
}

function kindOf(code: PlatformErrorCode): ErrorKind {
  switch (code) {
    case PlatformErrorCode.UNAUTHENTICATED:
    case PlatformErrorCode.TOKEN_EXPIRED:
    case PlatformErrorCode.GATEWAY_REQUIRED:
      return ErrorKind.UNAUTHENTICATED;
    case PlatformErrorCode.FORBIDDEN:
    case PlatformErrorCode.OUT_OF_SCOPE:
      return ErrorKind.FORBIDDEN;
    case PlatformErrorCode.VALIDATION_FAILED:
    case PlatformErrorCode.BAD_CURSOR:
    case PlatformErrorCode.QUERY_TOO_DEEP:
    case PlatformErrorCode.TOO_MANY_ALIASES:
    case PlatformErrorCode.QUERY_TOO_COSTLY:
    case PlatformErrorCode.TOO_MANY_MUTATIONS:
    case PlatformErrorCode.PAYLOAD_TOO_LARGE:
    case PlatformErrorCode.ATTACHMENT_TOO_LARGE:
      return ErrorKind.BAD_INPUT;
    case PlatformErrorCode.IDEMPOTENCY_KEY_REUSED:
      return ErrorKind.CONFLICT;
    case PlatformErrorCode.RATE_LIMITED:
      return ErrorKind.RATE_LIMITED;
  }
}

/** Builds an {@link AppError} for a platform code. */
export function platformError(code: PlatformErrorCode, message: string, field?: string): AppError {
  return new AppError(code, kindOf(code), message, field);
}
