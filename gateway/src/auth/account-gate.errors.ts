import { AppError, ErrorKind } from '@sunlight/shared';

/** Why the gateway refuses a validly signed token after asking about its account. */
export enum AccountGateErrorCode {
  /** The account is disabled or was deleted. */
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  /** The token was issued before the account's tokens were revoked (sign-out everywhere, password reset). */
  TOKEN_REVOKED = 'TOKEN_REVOKED',
  /** No account was ever recorded under the token's subject (refused where accounts are required). */
  ACCOUNT_UNKNOWN = 'ACCOUNT_UNKNOWN',
  /** The account registry did not answer and nothing recent enough is known of this subject. */
  ACCOUNTS_UNAVAILABLE = 'ACCOUNTS_UNAVAILABLE',
}

function kindOf(code: AccountGateErrorCode): ErrorKind {
  switch (code) {
    case AccountGateErrorCode.ACCOUNT_DISABLED:
    case AccountGateErrorCode.TOKEN_REVOKED:
    case AccountGateErrorCode.ACCOUNT_UNKNOWN:
      return ErrorKind.UNAUTHENTICATED;
    case AccountGateErrorCode.ACCOUNTS_UNAVAILABLE:
      return ErrorKind.UNAVAILABLE;
  }
}

const MESSAGES: Record<AccountGateErrorCode, string> = {
  [AccountGateErrorCode.ACCOUNT_DISABLED]: '账号已停用或已删除，令牌不再有效',
  [AccountGateErrorCode.TOKEN_REVOKED]: '令牌已被撤销，请重新登录',
  [AccountGateErrorCode.ACCOUNT_UNKNOWN]: '令牌所属账号不存在',
  [AccountGateErrorCode.ACCOUNTS_UNAVAILABLE]: '暂时无法核验账号状态，请稍后重试',
};

/** The typed error for a code, with its message for people (zh-CN). */
export function accountGateError(code: AccountGateErrorCode): AppError {
  return new AppError(code, kindOf(code), MESSAGES[code]);
}
