import type { ServerResponse } from 'node:http';
import { AppError } from '../errors/app-error';
import { type ErrorKind } from '../errors/error-kind';
import { PlatformErrorCode } from '../errors/platform-error';

const STATUS: Record<ErrorKind, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/**
 * Answers an HTTP request with a GraphQL-shaped error body and the status its kind implies (413
 * for `PAYLOAD_TOO_LARGE`).
 */
export function sendJsonError(res: ServerResponse, error: unknown): void {
  const appError = error instanceof AppError ? error : undefined;
  const status = appError?.code === PlatformErrorCode.PAYLOAD_TOO_LARGE ? 413 : appError ? STATUS[appError.kind] : 500;
  const body = appError
    ? { errors: [{ message: appError.message, extensions: appError.extensions }] }
    : { errors: [{ message: '服务器内部错误，请稍后重试', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
