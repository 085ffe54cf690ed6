import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import {
  MAX_REQUEST_BODY_BYTES,
  platformError,
  PlatformErrorCode,
  type Logger,
  type Principal,
  type TokenService,
} from '@sunlight/shared';
import {
  extendSchema,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../gateway-context';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../limits/query-limits';
import { limitedWsOperation, wsDocumentCache } from '../limits/ws-operation-limits';
import type { ChangeFeed } from '../read-cache/change-feed';
import type { AlertFeed, FeedItem } from './alert-feed';
import { alertDeliveries, type SubscriptionChannel } from './alert-deliveries';
import { AlertAudiences } from './alert-audiences';
import type { SubscriptionFilter } from './alert-matcher';
import type { AccountGate } from '../auth/account-gate';
import { authenticateConnection, ConnectionWatch, type ConnectionState } from './connection-auth';
import { startHeartbeat } from './heartbeat';
import { dashboardUpdates } from './dashboard-updates';
import { runAs } from './run-as';
import { selectionAsQuery, type QueryTarget } from './selection-query';
import { SharedExecution } from './shared-execution';

/** At most this many subscriptions per connection. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 10;

const SUBSCRIPTION_SDL = `
  extend schema { subscription: Subscription }
  type Subscription {
    "Each new alert you may see, as it is raised; with after, first the alerts raised since that alert, in order."
    alertRaised(filter: AlertFilter, after: ID): Alert!
    """
    A live screen (大屏): the selection on unit(code: unit) at once, then again each time a committed
    change inside the unit's subtree changes it, within about two seconds. Answered exactly as that
    query would be for the subscriber (scope rules included); identical answers are not repeated.
    """
    dashboardUpdated(unit: ID!): Unit!
  }`;

const DASHBOARD_TARGET: QueryTarget = {
  operationName: 'DashboardUpdate',
  field: 'unit',
  argument: 'code',
  variable: 'sunlightUnit',
  type: 'ID!',
};
const ALERT_TARGET: QueryTarget = {
  operationName: 'AlertDelivery',
  field: 'alert',
  argument: 'id',
  variable: 'sunlightAlertId',
  type: 'ID!',
};

/**
 * Each subscription's selection rewritten as its delivery query (and printed), once per shared
 * document ({@link wsDocumentCache}) and root field: subscribers with the same text share one.
 */
class DeliveryQueries {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, { query: DocumentNode; printed: string }>>();

  of(document: DocumentNode, op: OperationDefinitionNode, root: FieldNode, target: QueryTarget) {
    let rewritten = this.byDocument.get(document);
    if (!rewritten) this.byDocument.set(document, (rewritten = new Map()));
    const key = `${op.name?.value ?? ''}|${root.alias?.value ?? root.name.value}`;
    let found = rewritten.get(key);
    if (!found) {
      const query = selectionAsQuery(document, op, root, target);
      rewritten.set(key, (found = { query, printed: print(query) }));
    }
    return found;
  }
}

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  server: ApolloServer<GatewayContext>;
  apiSchema: GraphQLSchema;
  feed: AlertFeed;
  changes: ChangeFeed;
  tokens: TokenService;
  logger: Logger;
  /** Checks each socket's account at connection and every 10 s after. */
  accounts?: AccountGate;
  /** Told of each live alert delivered: seconds from the alert's source event to the delivery. */
  onAlertDelivered?: (seconds: number) => void;
  /** The gateway's query limits, applied to operations sent over the socket too. */
  limits?: QueryLimits;
}

/**
 * graphql-ws on the gateway's own URL: the socket is authenticated at `connection_init`
 * ({@link authenticateConnection}); queries sent over it and every subscription delivery run
 * through the gateway as the subscriber ({@link runAs}), so fields owned by any subgraph resolve
 * with the subscriber's scope. `alertRaised` follows the alert feed, its subscribers grouped into
 * audiences that fetch each alert once and write it to their sockets ({@link AlertAudiences},
 * {@link alertDeliveries}); `dashboardUpdated` follows the change feed ({@link dashboardUpdates}).
 */
export function attachSubscriptions(o: SubscriptionServerOptions) {
  const schema = extendSchema(o.apiSchema, parse(SUBSCRIPTION_SDL));
  const fields = schema.getSubscriptionType()!.getFields();
  const wss = new WebSocketServer({ server: o.httpServer, path: '/graphql', maxPayload: MAX_REQUEST_BODY_BYTES });
  const run = runAs(o.server);
  const closing = new AbortController();
  const executions = new SharedExecution(run);
  const audiences = new AlertAudiences(o.feed, executions);
  const documents = wsDocumentCache();
  const deliveryQueries = new DeliveryQueries();

  const subscribe = async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const principal = (args.contextValue as { principal: Principal }).principal;
    const op = getOperationAST(args.document, args.operationName) as OperationDefinitionNode;
    const roots = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    const root = roots[0];
    if (roots.length !== 1 || !root || !fields[root.name.value]) {
      return { errors: [new GraphQLError('每个订阅只能订阅一个字段：alertRaised 或 dashboardUpdated')] };
    }
    if (principal.role === 'PUBLIC')
      return {
        errors: [platformError(PlatformErrorCode.UNAUTHENTICATED, '请先登录（connectionParams.authorization）再订阅')],
      };
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const responseKey = root.alias?.value ?? root.name.value;
    const argValues = getArgumentValues(fields[root.name.value]!, root, variables);
    if (root.name.value === 'dashboardUpdated') {
      const unit = argValues['unit'] as string;
      const { query } = deliveryQueries.of(args.document, op, root, DASHBOARD_TARGET);
      const fetch = () => run(principal, query, { ...variables, sunlightUnit: unit }, 'fresh');
      const first = await fetch();
      if (!(first.data as { unit?: unknown } | null | undefined)?.unit)
        return {
          errors: first.errors ?? [platformError(PlatformErrorCode.OUT_OF_SCOPE, `单位 ${unit} 不在您的管辖范围内`)],
        };
      return dashboardUpdates(first, { unit, run: fetch, changes: o.changes, responseKey, signal: closing.signal });
    }
    const { query, printed } = deliveryQueries.of(args.document, op, root, ALERT_TARGET);
    const filter = (argValues['filter'] as SubscriptionFilter | undefined) ?? {};
    const channel = (args.contextValue as { channel?: SubscriptionChannel }).channel;
    if (!channel) return { errors: [new GraphQLError('alertRaised 只能通过 WebSocket 订阅')] };
    return alertDeliveries({
      audiences,
      channel,
      principal,
      filter,
      after: (argValues['after'] as string | undefined) ?? null,
      query,
      printed,
      variables,
      responseKey,
      ...(o.onAlertDelivered
        ? { onDelivered: (item: FeedItem, at: number) => o.onAlertDelivered!((at - Date.parse(item.raisedAt)) / 1000) }
        : {}),
    });
  };

  const connections = new ConnectionWatch(o.accounts); // authenticated and open: their subscriptions are counted
  const stopHeartbeat = startHeartbeat(wss);
  const disposable = useServer<Record<string, unknown>, { state?: ConnectionState }>(
    {
      schema,
      context: (ctx, id) => {
        const socket = ctx.extra.socket;
        const channel: SubscriptionChannel = {
          id,
          send: (frame) => {
            if (socket.readyState === socket.OPEN) socket.send(frame);
          },
        };
        return { principal: ctx.extra.state?.principal, channel };
      },
      onConnect: async (ctx) => {
        const state = await authenticateConnection(
          ctx.connectionParams ?? {},
          ctx.extra.request,
          (code, reason) => ctx.extra.socket.close(code, reason),
          o.tokens,
          o.accounts,
        );
        if (!state) return false;
        ctx.extra.state = state;
        // The raw token is not needed once verified (its expiry is in the state): not kept for the socket's life.
        const params = ctx.connectionParams as Record<string, unknown> | undefined;
        if (params) for (const key of ['authorization', 'token']) delete params[key];
        // graphql-ws keeps the upgrade request for the socket's life; nothing reads it after the
        // handshake, and with thousands of sockets its headers are a large part of each one's cost.
        (ctx.extra as { request?: unknown }).request = undefined;
        // A socket that closed while it was being authenticated had its onClose already: not watched.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        connections.add(state);
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.state) connections.delete(ctx.extra.state);
      },
      onSubscribe: (ctx, id, payload) => {
        const active = ctx.extra.state?.active;
        if (active && active.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            new GraphQLError(`每个连接最多 ${MAX_SUBSCRIPTIONS_PER_CONNECTION} 个订阅`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
            }),
          ];
        }
        const checked = limitedWsOperation(schema, payload, o.limits ?? DEFAULT_QUERY_LIMITS, documents);
        if (Array.isArray(checked)) return checked;
        active?.add(id);
        return checked;
      },
      onComplete: (ctx, id) => void ctx.extra.state?.active.delete(id),
      execute: (args: ExecutionArgs) =>
        run(
          (args.contextValue as { principal: Principal }).principal,
          args.document,
          args.variableValues as Record<string, unknown> | undefined,
        ),
      subscribe,
    },
    wss,
    0, // no keep-alive of graphql-ws's own: startHeartbeat pings every socket, a tenth at a time
  );
  return {
    /** Open sockets and the subscriptions running on them. */
    counts() {
      let subscriptions = 0;
      for (const c of connections) subscriptions += c.active.size;
      return { connections: connections.size, subscriptions };
    },
    async close() {
      // The sockets first, closed as going away (1001): clients reconnect and subscribe again,
      // to this gateway's successor. Ending the loops first completed every subscription on a
      // still open socket, and a client takes a completed subscription as finished: a wall
      // screen stayed without live data after a gateway restart.
      stopHeartbeat();
      connections.stop();
      await disposable.dispose();
      closing.abort();
      audiences.stop();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
