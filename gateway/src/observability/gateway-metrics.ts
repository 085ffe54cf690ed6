import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLResponse } from '@apollo/server';
import { getOperationAST, parse } from 'graphql';
import { accessNotes, loggableOperationName, type ComponentMetrics } from '@sunlight/shared';
import type { GatewayContext } from '../gateway-context';
import { cachedAnswer } from '../read-cache/response-cache.plugin';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { ResponseCache } from '../read-cache/response-cache';

/** What the gateway counts beyond its GraphQL requests, read when Prometheus scrapes. */
export interface GatewayMetricSources {
  responseCache?: ResponseCache<unknown>;
  /** Open WebSocket connections and their running subscriptions. */
  live?: () => { connections: number; subscriptions: number };
}

/**
 * The gateway's own metrics: `sunlight_subgraph_fetch_duration_seconds{subgraph, outcome}` (the
 * outcome is the HTTP status, or `failed` when no answer came), the response cache's lookups by
 * result, and open sockets and subscriptions. Returns the fetch histogram, for {@link timeFetches}.
 */
export function gatewayMetrics(
  metrics: ComponentMetrics,
  sources: () => GatewayMetricSources,
): Histogram<'subgraph' | 'outcome'> {
  new Counter({
    name: 'sunlight_response_cache_lookups_total',
    help: 'Response cache lookups by result: hit (fresh), stale (served while refreshed), miss',
    labelNames: ['result'],
    registers: [metrics.registry],
    collect() {
      const stats = sources().responseCache?.stats;
      if (!stats) return;
      this.reset();
      this.inc({ result: 'hit' }, stats.hits);
      this.inc({ result: 'stale' }, stats.stale);
      this.inc({ result: 'miss' }, stats.misses);
    },
  });
  new Gauge({
    name: 'sunlight_live_connections',
    help: 'Open authenticated WebSocket connections',
    registers: [metrics.registry],
    collect() {
      this.set(sources().live?.().connections ?? 0);
    },
  });
  new Gauge({
    name: 'sunlight_live_subscriptions',
    help: 'Subscriptions running on the open WebSocket connections (alertRaised, dashboardUpdated)',
    registers: [metrics.registry],
    collect() {
      this.set(sources().live?.().subscriptions ?? 0);
    },
  });
  return new Histogram({
    name: 'sunlight_subgraph_fetch_duration_seconds',
    help: 'Gateway fetches from each subgraph, by HTTP status (or failed)',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [metrics.registry],
  });
}

/** Times every fetch `source` makes to subgraph `name` into `fetches`. */
export function timeFetches<S extends RemoteGraphQLDataSource<never>>(
  name: string,
  source: S,
  fetches: Histogram<'subgraph' | 'outcome'>,
): S {
  const fetcher = source.fetcher;
  source.fetcher = async (resource, init) => {
    const stop = fetches.startTimer({ subgraph: name });
    try {
      const response = await fetcher(resource, init);
      stop({ outcome: String(response.status) });
      return response;
    } catch (e) {
      stop({ outcome: 'failed' });
      throw e;
    }
  };
  return source;
}

/**
 * The HTTP handler's fast path: a fresh cached answer, sent without running Apollo (so without its
 * plugins); counted here as a request of its operation, answered `ok` (answers with errors are
 * never kept).
 */
export function answeredFrom(
  cache: ResponseCache<GraphQLResponse>,
  metrics: ComponentMetrics,
): (body: unknown, context: GatewayContext) => string | undefined {
  return (body, context) => {
    const started = process.hrtime.bigint();
    const json = cachedAnswer(cache, context.principal, body);
    if (json !== undefined) {
      const { query, operationName } = body as { query: string; operationName?: string | null };
      const name = operationName ?? operationNameOf(query);
      metrics.observe(name, 'ok', Number(process.hrtime.bigint() - started) / 1e9);
      const note = accessNotes.of(context);
      const loggable = loggableOperationName(name);
      if (note && loggable) note.operation = loggable;
    }
    return json;
  };
}

/** Operation names of the query texts seen on the fast path, parsed once each (bounded). */
const namesOfQueries = new Map<string, string | undefined>();
const MAX_NAMED_QUERIES = 1000;

/** The name of a cached query's operation, as Apollo reports it (the document's only operation). */
function operationNameOf(query: string): string | undefined {
  if (namesOfQueries.has(query)) return namesOfQueries.get(query);
  let name: string | undefined;
  try {
    name = getOperationAST(parse(query))?.name?.value;
  } catch {
    name = undefined; // a cached answer's query was parsed when it was filled; not expected
  }
  if (namesOfQueries.size >= MAX_NAMED_QUERIES) namesOfQueries.clear();
  namesOfQueries.set(query, name);
  return name;
}
