import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ComponentMetrics } from './metrics-registry';

/**
 * Counts and times every GraphQL request by operation name; the outcome is `ok` or the first
 * error's code (`extensions.code`, else `ERROR`). Requests refused before Apollo ran (a body too
 * large, a bad token) are not operations and are not counted here.
 */
export function graphqlMetricsPlugin<C extends BaseContext>(
  metrics: ComponentMetrics,
  options: {
    /** Executions not to count: a server's own inner runs of a request it already counts. */
    skip?: (context: C) => boolean;
  } = {},
): ApolloServerPlugin<C> {
  return {
    async requestDidStart(start) {
      if (options.skip?.(start.contextValue)) return;
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(rc) {
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : rc.errors;
          const code = errors?.[0]?.extensions?.['code'];
          metrics.observe(
            rc.operationName ?? rc.request.operationName,
            errors?.length ? String(code ?? 'ERROR') : 'ok',
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
}
