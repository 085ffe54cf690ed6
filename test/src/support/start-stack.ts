import { randomBytes } from 'node:crypto';
import { createAlertsSubgraph } from '@sunlight/alerts';
import { createCasesSubgraph, PowersClient, type CasesConfig, type CasesSubgraph } from '@sunlight/cases';
import {
  casesFiledClient,
  createComplaintsSubgraph,
  knownUnitsClient,
  type ComplaintsSubgraph,
} from '@sunlight/complaints';
import { composeSupergraph, prepareDemoDatabase, SUBGRAPHS, type DemoHistory } from '@sunlight/deploy';
import { createEvaluationsSubgraph, ServiceUpstream, type EvaluationsSubgraph } from '@sunlight/evaluations';
import { startGateway, type ResponseCacheSettings, type RunningGateway } from '@sunlight/gateway';
import { demoPrincipal, findDemoAccount, generateDemoData, type DemoPrincipalRequest } from '@sunlight/powers';
import {
  createLogger,
  SigningKey,
  startSubgraph,
  TokenService,
  type Principal,
  type LogSink,
  type Role,
  type RunningSubgraph,
  type SubgraphDefinition,
  type SubgraphName,
} from '@sunlight/shared';
import { createTestDatabase, type TestDatabase } from '@sunlight/shared/testing';

/** The whole federation on loopback for end-to-end tests: real Postgres, real HTTP, real gateway. */
export interface Stack {
  /** What `demoHistory` wrote, or null. */
  history: DemoHistory | null;
  gatewayUrl: string;
  databaseUrl: string;
  subgraphs: Record<string, RunningSubgraph>;
  cases: CasesSubgraph;
  evaluations: EvaluationsSubgraph;
  complaints: ComplaintsSubgraph;
  tokens: TokenService;
  /** A user token for the demo account of `role` at `unit`. */
  tokenFor(role: Role, unit: string, ttlSeconds?: number): Promise<string>;
  /** A user token as `npm run -s token` makes it (role, unit, optional department and post). */
  demoToken(request: DemoPrincipalRequest): Promise<string>;
  /** POSTs a GraphQL request to the gateway (or `url`) and returns the parsed body and status. */
  gql<T = Record<string, unknown>>(
    query: string,
    options?: { token?: string; variables?: Record<string, unknown>; url?: string; headers?: Record<string, string> },
  ): Promise<GqlResult<T>>;
  /**
   * Stops one subgraph as a crash would (its port refuses connections from then on); the function
   * it returns starts the same subgraph again on the same port, as a supervisor would.
   */
  kill(name: SubgraphName): Promise<() => Promise<void>>;
  /**
   * Stops the gateway (its port refuses connections, its sockets close, everything it held in
   * memory is gone); the function it returns starts a new gateway on the same port, as a
   * supervisor restarting the process would.
   */
  stopGateway(): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; kind?: string; [k: string]: unknown };
}

export interface GqlResult<T> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

/**
 * Starts every subgraph the deploy list names (seeded with the demo city), in the directory's
 * order, and the gateway on free ports. The cases service runs without its background scheduler
 * (tests drive it with injected time) unless told.
 */
export async function startStack(
  options: {
    production?: boolean;
    alerts?: boolean;
    cases?: Partial<CasesConfig> & { schedulerIntervalMs?: number };
    /** Sees every SQL statement each subgraph runs (tests count them). */
    /** Every statement a subgraph runs, and whether a request (not a background job) ran it. */
    onQuery?: (subgraph: string, sql: string, inRequest: boolean) => void;
    /** How often cases and complaints checkpoint their traces (off unless given, as the other clocks are). */
    checkpointIntervalMs?: number;
    /** How long the alerts service keeps a tier's peer data (its default is one minute). */
    riskPeersTtlMs?: number;
    /** The gateway's response cache (on with its defaults unless given; `maxBytes: 0` turns it off). */
    responseCache?: ResponseCacheSettings;
    /** The stack's keys (tests that forge tokens bring their own); fresh random keys by default. */
    tokens?: TokenService;
    /**
     * The demo city's twelve months of history (as `npm start` writes it on a first start) in the
     * database before the subgraphs start; catalog only, which is much faster, unless asked.
     */
    demoHistory?: boolean;
    /** The built console the gateway serves at `/` (gateway/console/dist unless given). */
    consoleDir?: string;
    /**
     * Where every component writes its JSON log lines (each as its own service: `gateway`, `cases`…),
     * instead of stdout and stderr; `LOG_LEVEL` still decides which.
     */
    logSink?: LogSink;
  } = {},
): Promise<Stack> {
  const database: TestDatabase = await createTestDatabase();
  const key = () => new Uint8Array(randomBytes(32));
  const tokens = options.tokens ?? new TokenService(key(), key());
  const logger = createLogger('e2e', {}, options.logSink);
  const loggerOf = (component: string) => createLogger(component, {}, options.logSink);
  // Trace checkpoint keys for this stack only, in memory: the supervision witness then keeps no record
  // in DATA_DIR that a later run's fresh database would contradict.
  const supervision = SigningKey.generate('supervision');
  const checkpointKeys = (log: 'cases' | 'complaints') => ({ log: SigningKey.generate(`${log}-log`), supervision });
  const history = options.demoHistory
    ? await prepareDemoDatabase({ url: database.url, keys: tokens, history: true, logger })
    : null;
  const subgraphs: Record<string, RunningSubgraph> = {};
  const start = (definition: SubgraphDefinition<any>, port = 0) =>
    startSubgraph(definition, {
      databaseUrl: database.url,
      port,
      tokens,
      logger: loggerOf(definition.name),
      seedDemo: true,
      ...(options.onQuery
        ? { onQuery: (sql: string, inRequest: boolean) => options.onQuery!(definition.name, sql, inRequest) }
        : {}),
    });
  const urlOf = (name: SubgraphName): string => {
    const running = subgraphs[name];
    if (!running) throw new Error(`${name} must start before the subgraphs that call it (the directory's order)`);
    return running.url;
  };
  // Test settings per service: clients of the neighbours on their free ports, background clocks
  // off. A subgraph without a line here starts from its deploy definition.
  const built: { cases?: CasesSubgraph; evaluations?: EvaluationsSubgraph; complaints?: ComplaintsSubgraph } = {};
  const forTests: { [N in SubgraphName]?: () => SubgraphDefinition<any> } = {
    cases: () =>
      (built.cases = createCasesSubgraph({
        powers: new PowersClient(urlOf('powers'), tokens),
        schedulerIntervalMs: 0,
        checkpointKeys: checkpointKeys('cases'),
        checkpointIntervalMs: options.checkpointIntervalMs ?? 0,
        ...options.cases,
      })),
    evaluations: () =>
      (built.evaluations = createEvaluationsSubgraph({
        upstream: new ServiceUpstream({ cases: urlOf('cases'), powers: urlOf('powers') }, tokens),
      })),
    complaints: () =>
      (built.complaints = createComplaintsSubgraph({
        casesFiled: casesFiledClient(urlOf('cases'), tokens),
        knownUnits: knownUnitsClient(urlOf('powers'), tokens),
        clockIntervalMs: 0,
        checkpointKeys: checkpointKeys('complaints'),
        checkpointIntervalMs: options.checkpointIntervalMs ?? 0,
      })),
    alerts: () =>
      createAlertsSubgraph({
        consume: options.alerts ?? false,
        databaseUrl: database.url,
        subgraphUrls: { cases: urlOf('cases'), evaluations: urlOf('evaluations'), complaints: urlOf('complaints') },
        ...(options.riskPeersTtlMs !== undefined ? { peersTtlMs: options.riskPeersTtlMs } : {}),
      }),
  };
  const definitions: { [N in SubgraphName]?: SubgraphDefinition<any> } = {};
  for (const { name, definition } of SUBGRAPHS)
    subgraphs[name] = await start((definitions[name] = forTests[name]?.() ?? definition));
  const { cases, evaluations, complaints } = built;
  if (!cases || !evaluations || !complaints) throw new Error('the deploy list lacks cases, evaluations or complaints');
  const supergraphSdl = await composeSupergraph();
  const runGateway = (port: number) =>
    startGateway({
      supergraphSdl,
      subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
      tokens,
      logger: loggerOf('gateway'),
      port,
      production: options.production ?? false,
      databaseUrl: database.url,
      alertPollMs: 500,
      ...(options.responseCache ? { responseCache: options.responseCache } : {}),
      ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
    });
  let gateway: RunningGateway | undefined = await runGateway(0);
  const gatewayUrl = gateway.url;
  const gatewayPort = gateway.port;
  const demo = generateDemoData();

  const gql: Stack['gql'] = async (query, o = {}) => {
    const res = await fetch(o.url ?? gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: JSON.stringify({ query, variables: o.variables }),
    });
    const body = (await res.json()) as { data?: never; errors?: GqlError[] };
    return { status: res.status, data: body.data, errors: body.errors };
  };

  return {
    history,
    gatewayUrl,
    databaseUrl: database.url,
    subgraphs,
    cases,
    evaluations,
    complaints,
    tokens,
    async tokenFor(role, unit, ttlSeconds) {
      const account = findDemoAccount(demo, role, unit);
      if (!account) throw new Error(`no demo ${role} at ${unit}`);
      const principal: Principal = {
        subject: account.subject,
        role: account.role,
        unit: account.unitCode,
        ...(account.departmentId ? { department: account.departmentId } : {}),
      };
      return tokens.issue(principal, ttlSeconds);
    },
    demoToken(request) {
      return tokens.issue(demoPrincipal(demo, request).principal);
    },
    gql,
    kill: subgraphKiller(subgraphs, (name, port) => start(definitions[name]!, port)),
    async stopGateway() {
      if (!gateway) throw new Error('the gateway is not running');
      const running = gateway;
      gateway = undefined;
      await running.stop();
      return async () => {
        gateway = await runGateway(gatewayPort);
      };
    },
    async stop() {
      await gateway?.stop();
      for (const s of Object.values(subgraphs)) await s.stop();
      await database.drop();
    },
  };
}

/**
 * `Stack.kill`: stops a running subgraph and takes it out of `subgraphs` (so the stack's own stop
 * does not stop it twice); the returned function starts it again on its old port through `restart`.
 */
function subgraphKiller(
  subgraphs: Record<string, RunningSubgraph>,
  restart: (name: SubgraphName, port: number) => Promise<RunningSubgraph>,
): Stack['kill'] {
  return async (name) => {
    const running = subgraphs[name];
    if (!running) throw new Error(`subgraph ${name} is not running`);
    delete subgraphs[name];
    await running.stop();
    return async () => {
      subgraphs[name] = await restart(name, running.port);
    };
  };
}
