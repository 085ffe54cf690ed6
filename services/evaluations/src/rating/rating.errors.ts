import { AppError, ErrorKind } from '@sunlight/shared';

/** Error codes of ratings and reviews. */
export enum EvaluationErrorCode {
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  STAGE_NOT_FINISHED = 'STAGE_NOT_FINISHED',
  ALREADY_RATED = 'ALREADY_RATED',
  DEVICE_NOT_FOUND = 'DEVICE_NOT_FOUND',
  DEPARTMENT_NOT_FOUND = 'DEPARTMENT_NOT_FOUND',
  CAMPAIGN_NOT_FOUND = 'CAMPAIGN_NOT_FOUND',
  CAMPAIGN_CLOSED = 'CAMPAIGN_CLOSED',
  CAMPAIGN_OPEN = 'CAMPAIGN_OPEN',
  NOT_A_REVIEWER = 'NOT_A_REVIEWER',
  ALREADY_REVIEWED = 'ALREADY_REVIEWED',
  /** A signed-in reviewer belongs to the target (its unit or one below it, or holds the post): 不得自评. */
  SELF_REVIEW = 'SELF_REVIEW',
  INDICATOR_SET_NOT_FOUND = 'INDICATOR_SET_NOT_FOUND',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
}

function kindOf(code: EvaluationErrorCode): ErrorKind {
  switch (code) {
    case EvaluationErrorCode.CASE_NOT_FOUND:
    case EvaluationErrorCode.DEVICE_NOT_FOUND:
    case EvaluationErrorCode.DEPARTMENT_NOT_FOUND:
    case EvaluationErrorCode.CAMPAIGN_NOT_FOUND:
    case EvaluationErrorCode.INDICATOR_SET_NOT_FOUND:
      return ErrorKind.NOT_FOUND;
    case EvaluationErrorCode.NOT_A_REVIEWER:
    case EvaluationErrorCode.SELF_REVIEW:
      return ErrorKind.FORBIDDEN;
    case EvaluationErrorCode.STAGE_NOT_FINISHED:
    case EvaluationErrorCode.ALREADY_RATED:
    case EvaluationErrorCode.CAMPAIGN_CLOSED:
    case EvaluationErrorCode.CAMPAIGN_OPEN:
    case EvaluationErrorCode.ALREADY_REVIEWED:
    case EvaluationErrorCode.UPSTREAM_UNAVAILABLE:
      return ErrorKind.CONFLICT;
  }
}

/** Builds a typed error of evaluations. */
export function evaluationError(code: EvaluationErrorCode, message: string, field?: string): AppError {
  return new AppError(code, kindOf(code), message, field);
}
