import { AppError, ErrorKind } from '@sunlight/shared';

/** Why signing in, refreshing or managing an account was refused. */
export enum SignInErrorCode {
  /** Wrong subject or password; never says which. */
  LOGIN_FAILED = 'LOGIN_FAILED',
  /** Too many failures for this account: locked for a while. */
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  /** Too many failures from this client address: locked for a while. */
  CLIENT_LOCKED = 'CLIENT_LOCKED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  /** The refresh token is missing, unknown, expired or revoked. */
  REFRESH_INVALID = 'REFRESH_INVALID',
  /** A refresh token was used twice: its whole family is revoked. */
  REFRESH_REUSED = 'REFRESH_REUSED',
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  SUBJECT_TAKEN = 'SUBJECT_TAKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
}

function kindOf(code: SignInErrorCode): ErrorKind {
  switch (code) {
    case SignInErrorCode.LOGIN_FAILED:
    case SignInErrorCode.ACCOUNT_DISABLED:
    case SignInErrorCode.REFRESH_INVALID:
    case SignInErrorCode.REFRESH_REUSED:
      return ErrorKind.UNAUTHENTICATED;
    case SignInErrorCode.ACCOUNT_LOCKED:
    case SignInErrorCode.CLIENT_LOCKED:
      return ErrorKind.RATE_LIMITED;
    case SignInErrorCode.ACCOUNT_NOT_FOUND:
      return ErrorKind.NOT_FOUND;
    case SignInErrorCode.SUBJECT_TAKEN:
      return ErrorKind.CONFLICT;
    case SignInErrorCode.WEAK_PASSWORD:
      return ErrorKind.BAD_INPUT;
  }
}

const MESSAGES: Record<SignInErrorCode, string> = {
  [SignInErrorCode.LOGIN_FAILED]: '账号或密码错误',
  [SignInErrorCode.ACCOUNT_LOCKED]: '该账号登录失败次数过多，已暂时锁定，请 15 分钟后再试',
  [SignInErrorCode.CLIENT_LOCKED]: '本终端登录失败次数过多，已暂时锁定，请 15 分钟后再试',
  [SignInErrorCode.ACCOUNT_DISABLED]: '账号已停用，请联系管理员',
  [SignInErrorCode.REFRESH_INVALID]: '登录已失效，请重新登录',
  [SignInErrorCode.REFRESH_REUSED]: '登录凭据被重复使用，已全部注销，请重新登录',
  [SignInErrorCode.ACCOUNT_NOT_FOUND]: '账号不存在或不在您的管辖范围内',
  [SignInErrorCode.SUBJECT_TAKEN]: '该登录名已被使用',
  [SignInErrorCode.WEAK_PASSWORD]: '密码至少 10 位，且须包含字母和数字',
};

/** The typed error for a code, with its message for people (zh-CN); `field` names the input at fault. */
export function signInError(code: SignInErrorCode, at: { field?: string } = {}): AppError {
  return new AppError(code, kindOf(code), MESSAGES[code], at.field);
}
