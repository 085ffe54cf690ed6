import type { ApolloServerPlugin } from '@apollo/server';
import {
  base64Length,
  findInputTextProblem,
  MAX_ATTACHMENT_BYTES,
  MAX_TEXT_LENGTH,
  platformError,
  PlatformErrorCode,
  Validation,
  type InputTextLimits,
} from '@sunlight/shared';
import type { GatewayContext } from '../gateway-context';

/**
 * Every string is bounded by `MAX_TEXT_LENGTH`; an attachment's base64 by the largest attachment
 * (services check tighter bounds per field).
 */
export const INPUT_TEXT_LIMITS: InputTextLimits = {
  maxLength: MAX_TEXT_LENGTH,
  maxLengthByField: { contentBase64: base64Length(MAX_ATTACHMENT_BYTES) },
};

/**
 * Checks every string argument of every operation, in the document and in its variables, before
 * it is planned: a control character, a lone surrogate or an over-long string is refused as
 * `VALIDATION_FAILED` naming the field (`input.complainant.name`), and an over-long attachment as
 * `ATTACHMENT_TOO_LARGE`; HTTP 400 either way. No subgraph sees such a string, so none has to
 * guard its SQL, hashes or logs against it. (GraphQL's own lexer already refuses lone surrogates
 * and most control characters inside string literals; variables come as JSON and are not lexed.)
 */
export function inputTextPlugin(limits: InputTextLimits = INPUT_TEXT_LIMITS): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, response }) {
          const problem = findInputTextProblem(document, request.variables, limits);
          if (!problem) return;
          response.http.status = 400;
          if (problem.overFieldBound)
            throw platformError(
              PlatformErrorCode.ATTACHMENT_TOO_LARGE,
              `${problem.field}: 附件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB 的上限（${problem.message}）`,
              problem.field,
            );
          new Validation().add(problem.field, problem.message).throwIfAny();
        },
      };
    },
  };
}
