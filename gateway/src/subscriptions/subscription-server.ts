import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { platformError, PlatformErrorCode, type Logger, type Principal, type TokenService } from '@sunlight/shared';
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
import type { ChangeFeed } from '../read-cache/change-feed';
import type { AlertFeed, FeedItem } from './alert-feed';
import { matches, type SubscriptionFilter } from './alert-matcher';
import { AsyncQueue } from './async-queue';
import { dashboardUpdates } from './dashboard-updates';
import { selectionAsQuery } from './selection-query';

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

interface ConnectionState {
  principal?: Principal;
  expiryTimer?: NodeJS.Timeout;
  active?: Set<string>;
}

/**
 * graphql-ws on the gateway's own URL. The token is checked at `connection_init` and the socket is
 * closed when it expires. `alertRaised` listens to the alert feed; each alert the subscriber may
 * see (checked against the shared alert rule for every event) is fetched through the gateway as
 * that subscriber, with the subscriber's own selection, so fields owned by any subgraph resolve
 * with the subscriber's scope.
 */
export function attachSubscriptions(o: { httpServer: http.Server; server: ApolloServer<GatewayContext>; apiSchema: GraphQLSchema; feed: AlertFeed; changes: ChangeFeed; tokens: TokenService; logger: Logger }) {
  const schema = extendSchema(o.apiSchema, parse(SUBSCRIPTION_SDL));
  const fields = schema.getSubscriptionType()!.getFields();
  const field = fields['alertRaised']!;
  const dashboardField = fields['dashboardUpdated']!;
  const wss = new WebSocketServer({ server: o.httpServer, path: '/graphql' });

  /** Runs `document` through the gateway as `principal` (queries sent over the socket, and every delivery). */
  const run = async (principal: Principal, document: DocumentNode, variables: Record<string, unknown> | undefined, cacheMode?: GatewayContext['cacheMode']): Promise<ExecutionResult> => {
    const res = await o.server.executeOperation({ query: print(document), variables }, { contextValue: { principal, requestId: 'ws', ...(cacheMode ? { cacheMode } : {}) } });
    if (res.body.kind !== 'single') return { errors: [new GraphQLError('incremental delivery is not supported here')] };
    const { data, errors } = res.body.singleResult;
    // graphql-ws sends GraphQLError instances; executeOperation gives formatted (plain) errors.
    return { data: data as ExecutionResult['data'], ...(errors ? { errors: errors.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })) } : {}) };
  };

  // Subscribers with the same scope and the same selection get the same answer for an alert:
  // execute it once for all of them (results depend on role, unit and department, not on who).
  const shared = new Map<string, Promise<ExecutionResult>>();
  const runShared = (principal: Principal, query: DocumentNode, printed: string, variables: Record<string, unknown>): Promise<ExecutionResult> => {
    const key = `${principal.role}|${principal.unit ?? ''}|${principal.department ?? ''}|${principal.post ?? ''}|${printed}|${JSON.stringify(variables)}`;
    let result = shared.get(key);
    if (!result) {
      result = run(principal, query, variables);
      shared.set(key, result);
      setTimeout(() => shared.delete(key), 30_000).unref();
    }
    return result;
  };

  const deliveries = async function* (
    principal: Principal,
    filter: SubscriptionFilter,
    after: string | null,
    query: DocumentNode,
    variables: Record<string, unknown>,
    responseKey: string,
  ): AsyncGenerator<ExecutionResult> {
    const printed = print(query);
    const live = new AsyncQueue<FeedItem>();
    const unsubscribe = o.feed.subscribe((item) => live.push(item)); // buffer live alerts while replaying
    let last = 0n;
    const deliver = async (item: FeedItem): Promise<ExecutionResult | null> => {
      last = BigInt(item.seq);
      if (!matches(principal, filter, item)) return null;
      const r = await runShared(principal, query, printed, { ...variables, sunlightAlertId: item.id });
      const alert = (r.data as { alert?: unknown } | null | undefined)?.alert;
      if (!alert) return null; // the alerts subgraph said no: never deliver
      return { data: { [responseKey]: alert }, ...(r.errors ? { errors: r.errors } : {}) };
    };
    try {
      if (after) {
        for await (const item of o.feed.replay(after)) {
          const r = await deliver(item);
          if (r) yield r;
        }
      } else last = o.feed.head;
      for await (const item of live) {
        if (BigInt(item.seq) <= last) continue; // already replayed
        const r = await deliver(item);
        if (r) yield r;
      }
    } finally {
      unsubscribe();
      live.close();
    }
  };

  const disposable = useServer<Record<string, unknown>, { state: ConnectionState }>(
    {
      schema,
      context: (ctx) => ({ principal: ctx.extra.state?.principal }),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const raw = typeof params['authorization'] === 'string' ? params['authorization'] : typeof params['token'] === 'string' ? params['token'] : undefined;
        const state: ConnectionState = { active: new Set() };
        (ctx.extra as { state?: ConnectionState }).state = state;
        if (!raw) {
          state.principal = { subject: 'public', role: 'PUBLIC' as Principal['role'] };
          return true;
        }
        try {
          const { principal, expiresAt } = await o.tokens.verify(raw.replace(/^Bearer\s+/i, ''));
          state.principal = { ...principal, client: ctx.extra.request.socket.remoteAddress ?? 'unknown' };
          state.expiryTimer = setTimeout(() => ctx.extra.socket.close(4401, 'Token expired'), Math.max(0, expiresAt - Date.now()));
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.state?.expiryTimer);
      },
      onSubscribe: (ctx, id) => {
        const active = ctx.extra.state?.active;
        if (active && active.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [new GraphQLError(`at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        active?.add(id);
        return undefined;
      },
      onComplete: (ctx, id) => {
        ctx.extra.state?.active?.delete(id);
      },
      execute: (args: ExecutionArgs) => run((args.contextValue as { principal: Principal }).principal, args.document, args.variableValues as Record<string, unknown> | undefined),
      subscribe: async (args: ExecutionArgs) => {
        const principal = (args.contextValue as { principal: Principal }).principal;
        const op = getOperationAST(args.document, args.operationName) as OperationDefinitionNode;
        const roots = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
        const root = roots[0];
        if (roots.length !== 1 || !root || !['alertRaised', 'dashboardUpdated'].includes(root.name.value)) {
          return { errors: [new GraphQLError('subscribe to exactly one field: alertRaised or dashboardUpdated')] };
        }
        if (principal.role === 'PUBLIC') return { errors: [platformError(PlatformErrorCode.UNAUTHENTICATED, 'sign in (connectionParams.authorization) to subscribe')] };
        const variables = (args.variableValues ?? {}) as Record<string, unknown>;
        const responseKey = root.alias?.value ?? root.name.value;
        if (root.name.value === 'dashboardUpdated') {
          const { unit } = getArgumentValues(dashboardField, root, variables) as { unit: string };
          const query = selectionAsQuery(args.document, op, root, { operationName: 'DashboardUpdate', field: 'unit', argument: 'code', variable: 'sunlightUnit', type: 'ID!' });
          const fetch = () => run(principal, query, { ...variables, sunlightUnit: unit }, 'fresh');
          const first = await fetch();
          if (!(first.data as { unit?: unknown } | null | undefined)?.unit) return { errors: first.errors ?? [platformError(PlatformErrorCode.OUT_OF_SCOPE, `unit ${unit} is not in your scope`)] };
          return dashboardUpdates(first, { unit, run: fetch, changes: o.changes, responseKey });
        }
        const argValues = getArgumentValues(field, root, variables) as { filter?: SubscriptionFilter; after?: string };
        const query = selectionAsQuery(args.document, op, root, { operationName: 'AlertDelivery', field: 'alert', argument: 'id', variable: 'sunlightAlertId', type: 'ID!' });
        return deliveries(principal, argValues.filter ?? {}, argValues.after ?? null, query, variables, responseKey);
      },
    },
    wss,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
