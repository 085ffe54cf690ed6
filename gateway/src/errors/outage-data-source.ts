import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger, SubgraphName } from '@sunlight/shared';
import { GraphQLError } from 'graphql';
import { missingPart } from './missing-part';
import { isSubgraphName, serviceUnavailableError } from './service-unavailable';

/**
 * Whether a data source's failure means the subgraph is down: no HTTP answer at all (refused,
 * reset, timed out) or an HTTP 5xx. A 4xx (a refused assertion, a malformed fetch) is a fault of
 * the gateway, not an outage, and stays an internal error.
 */
export function isOutage(error: unknown): boolean {
  if (error instanceof GraphQLError) {
    const status = (error.extensions['response'] as { status?: unknown } | undefined)?.status;
    return typeof status === 'number' && status >= 500;
  }
  return error instanceof Error && (error.name === 'FetchError' || error.name === 'AbortError');
}

/**
 * Wraps a subgraph's data source so that an outage reaches the client as a typed error naming the
 * service ({@link serviceUnavailableError}) with the path and fields left null, instead of an
 * anonymous INTERNAL_SERVER_ERROR. The gateway keeps executing the rest of the plan, so the fields
 * of the other subgraphs still arrive (fields resolved by another subgraph are nullable in the
 * schema for this). Nothing is retried or remembered here: the next request tries the subgraph
 * again, so answers are whole again as soon as it is back.
 */
export class OutageAwareDataSource<C extends Record<string, any>> implements GraphQLDataSource<C> {
  constructor(
    private readonly service: SubgraphName,
    private readonly inner: GraphQLDataSource<C>,
    private readonly logger: Logger,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<C>) {
    try {
      return await this.inner.process(options);
    } catch (error) {
      // Health checks and schema loads keep their own errors; only a client's operation is reshaped.
      if (!('incomingRequestContext' in options) || !isOutage(error)) throw error;
      this.logger.warn('subgraph unavailable', {
        service: this.service,
        reason: error instanceof Error ? error.message : String(error),
      });
      throw serviceUnavailableError(this.service, missingPart(options.request.query, options.pathInIncomingRequest));
    }
  }
}

/** `source` for the subgraph `name`, its outages reported as {@link OutageAwareDataSource} does. */
export function withOutageErrors<C extends Record<string, any>>(
  name: string,
  source: GraphQLDataSource<C>,
  logger: Logger,
): GraphQLDataSource<C> {
  return isSubgraphName(name) ? new OutageAwareDataSource(name, source, logger) : source;
}
