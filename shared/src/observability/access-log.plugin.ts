import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { accessNotes, loggableOperationName, noteErrors } from './access-note';

/**
 * Fills in the access note of each GraphQL request the HTTP handler serves (its operation name
 * and type, its errors' codes); the handler writes the line once the response is sent. Contexts
 * the handler did not build (no note) and `skip`ped inner runs are left out.
 */
export function accessLogPlugin<C extends BaseContext>(
  options: {
    /** Executions that are not the request itself: a server's own inner runs of it. */
    skip?: (context: C) => boolean;
  } = {},
): ApolloServerPlugin<C> {
  return {
    async requestDidStart(start) {
      const note = accessNotes.of(start.contextValue);
      if (!note || options.skip?.(start.contextValue)) return;
      return {
        async willSendResponse(rc) {
          const name = loggableOperationName(rc.operationName ?? rc.request.operationName);
          if (name) note.operation = name;
          if (rc.operation) note.type = rc.operation.operation;
          const body = rc.response.body;
          noteErrors(note, body.kind === 'single' ? body.singleResult.errors : rc.errors);
        },
      };
    },
  };
}
