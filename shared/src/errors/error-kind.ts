/**
 * The broad class of a failure, shared by every domain. Each domain maps its own error codes onto
 * one of these with an exhaustive switch, so an unmapped new code fails to compile.
 */
export enum ErrorKind {
  BAD_INPUT = 'BAD_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** Another service this answer depends on did not answer; trying again later may succeed. */
  UNAVAILABLE = 'UNAVAILABLE',
}
