import { GraphQLError } from 'graphql';
import { type ErrorKind } from './error-kind';

/** One problem with one input field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A typed, client-facing error. `code` is the domain's own code (e.g. `POWER_CODE_TAKEN`) and
 * becomes `extensions.code`; `kind` is its broad class; `field` names the input at fault.
 * The message is written for the caller and never carries SQL or a stack trace.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
    readonly problems?: FieldProblem[],
  ) {
    super(message, {
      extensions: {
        code,
        kind,
        ...(field === undefined ? {} : { field }),
        ...(problems === undefined ? {} : { problems }),
      },
    });
    this.name = 'AppError';
  }
}
