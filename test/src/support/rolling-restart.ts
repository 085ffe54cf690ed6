import { createClient, type Client as WsClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { findDemoAccount, generateDemoData } from '@sunlight/powers';
import {
  embeddedDatabaseUrl,
  loadPlatformConfig,
  loadSecrets,
  Role,
  tokenKeysOf,
  TokenService,
  type Principal,
} from '@sunlight/shared';
import { launchCluster, type LaunchedCluster } from './cluster-launch';

const COUNTY = '139901000000';
const demo = generateDemoData();

export interface RollingOptions {
  readers?: number;
  writers?: number;
  subscribers?: number;
  /** The replicas to restart, in this order (log names such as `cases-1`); every one unless given. */
  only?: string[];
}

/** What one rolling restart under load did and found. */
export interface RollingReport {
  restarted: string[];
  restartMs: number[];
  reads: { requests: number; retried: number; failed: number };
  mutations: { requests: number; retried: number; failed: number; filed: number; blocked: number; advanced: number };
  /** Messages of the final failures and of the retried errors (first few), to tell what went wrong. */
  failures: string[];
  retriedErrors: Record<string, number>;
  /** By balancer: connections a replica refused that went to the other one, and 503s for want of any. */
  balancers: Record<string, { passedOver: number; unavailable: number }>;
  subscribers: { received: number; reconnects: number; duplicates: number; outOfOrder: number; missing: number }[];
  database: {
    cases: number;
    blockedTraceEvents: number;
    blockedOutboxEvents: number;
    alerts: number;
    alertsDistinctEvents: number;
    cards: number;
    duplicateCards: number;
    duplicateCardTraces: number;
    duplicateAlerts: number;
  };
}

interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Transient: the connection failed, the balancer had no gateway, or a subgraph was unavailable. */
function transient(a: Answer | Error): string | null {
  if (a instanceof Error) return `network: ${a.message}`;
  if (a.status === 503 || a.status === 502) return `http ${a.status}: ${a.errors?.[0]?.message ?? ''}`;
  const code = a.errors?.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
  return code ? `SERVICE_UNAVAILABLE: ${code.message}` : null;
}

/**
 * Starts `npm run start:cluster` (2 replicas of each subgraph, 2 gateways, balancers, embedded
 * PostgreSQL), runs a load through the gateways' balancer (reads; case filings and advances with
 * idempotency keys, half of which a checkpoint blocks, each block raising one alert; alert
 * subscribers over graphql-ws that resume after their last alert), and meanwhile SIGTERMs every
 * replica in turn, waiting for the launcher to start it again and for its /readyz before the next.
 * Then checks the database and what the subscribers received.
 */
export async function rollingRestart(o: RollingOptions = {}): Promise<RollingReport> {
  const cluster = await launchCluster({ CARD_SCHEDULER_INTERVAL_MS: '2000', RESPONSE_CACHE_MB: '0' });
  try {
    return await underLoad(cluster, o);
  } finally {
    await cluster.stop();
  }
}

async function underLoad(cluster: LaunchedCluster, o: RollingOptions): Promise<RollingReport> {
  const secrets = loadSecrets(loadPlatformConfig({ DATA_DIR: cluster.dataDir }));
  const tokens = new TokenService(tokenKeysOf(secrets), secrets.internalSecret);
  const tokenFor = (role: Role) => {
    const a = findDemoAccount(demo, role, COUNTY)!;
    const p: Principal = {
      subject: a.subject,
      role: a.role,
      unit: a.unitCode,
      ...(a.departmentId ? { department: a.departmentId } : {}),
    };
    return tokens.issue(p, 3600);
  };
  const [admin, clerk, inspector] = await Promise.all([
    tokenFor(Role.ADMIN),
    tokenFor(Role.CLERK),
    tokenFor(Role.INSPECTOR),
  ]);
  const clerkAccount = findDemoAccount(demo, Role.CLERK, COUNTY)!;

  const retriedErrors: Record<string, number> = {};
  const failures: string[] = [];
  const post = async (token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
    const res = await fetch(cluster.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    try {
      return { status: res.status, ...(JSON.parse(text) as object) };
    } catch {
      return { status: res.status, errors: [{ message: text.slice(0, 200) }] };
    }
  };
  /** Sends until the answer is not transient (a mutation with the same key each time). */
  const send = async (
    counts: { requests: number; retried: number },
    token: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Answer> => {
    for (let attempt = 0; ; attempt++) {
      counts.requests += 1;
      let a: Answer | Error;
      try {
        a = await post(token, query, variables);
      } catch (e) {
        a = e instanceof Error ? e : new Error(String(e));
      }
      const why = transient(a);
      if (!why) return a as Answer;
      counts.retried += 1;
      const key = why.replace(/[0-9a-f-]{36}/g, '…').slice(0, 120);
      retriedErrors[key] = (retriedErrors[key] ?? 0) + 1;
      if (attempt >= 50) return a instanceof Error ? { status: 0, errors: [{ message: why }] } : a;
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  // A power whose first step needs an application form: advancing without one is blocked (an alert).
  const setup = { requests: 0, retried: 0 };
  const created = await send(
    setup,
    admin,
    'mutation($input: CreatePowerInput!, $key: String!) { createPower(input: $input, idempotencyKey: $key) { id } }',
    {
      key: 'rolling-power-create',
      input: {
        unitCode: COUNTY,
        code: 'ROLLING-1',
        name: '测试事项ROLLING-1',
        category: 'OTHER',
        legalBasis: '《测试条例》第三条',
        departmentId: clerkAccount.departmentId,
        statutoryDays: 20,
        promisedDays: 10,
        flow: [
          { name: '受理', timeLimitDays: 1 },
          { name: '审查', timeLimitDays: 3 },
          { name: '决定', timeLimitDays: 2 },
        ],
        checkpoints: [
          {
            stepNo: 1,
            kind: 'REQUIRED_ATTACHMENTS',
            params: { attachments: ['申请书'] },
            legalBasis: '《测试条例》第五条',
          },
        ],
        riskPoints: [],
      },
    },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const powerId = created.data!['createPower'].id as string;
  const published = await send(
    setup,
    admin,
    'mutation($id: ID!, $key: String!) { publishPower(id: $id, idempotencyKey: $key) { id } }',
    { id: powerId, key: 'rolling-power-publish' },
  );
  if (published.errors) throw new Error(JSON.stringify(published.errors));

  // Subscribers: each resumes after the last alert it received, through the balancer (so most
  // often on the other gateway when its own is the one restarting).
  const subscribers = Array.from(
    { length: o.subscribers ?? 2 },
    () => new ResumingSubscriber(cluster.gatewayUrl, inspector),
  );
  await Promise.all(subscribers.map((s) => s.start()));

  let running = true;
  const reads = { requests: 0, retried: 0, failed: 0 };
  const mutations = { requests: 0, retried: 0, failed: 0, filed: 0, blocked: 0, advanced: 0 };
  const caseIds: string[] = [];
  const fail = (what: string, a: Answer) => {
    if (failures.length < 20) failures.push(`${what}: ${a.status} ${JSON.stringify(a.errors ?? a.data).slice(0, 300)}`);
  };
  const READS = [
    { query: `{ unit(code: "${COUNTY}") { name children { name } } }`, ok: (d: any) => !!d?.unit?.name },
    { query: '{ alerts(first: 5) { edges { node { id seq } } } }', ok: (d: any) => Array.isArray(d?.alerts?.edges) },
    {
      query: 'query($id: ID!) { case(id: $id) { id status } }',
      ok: (d: any) => !!d?.case?.id,
      needsCase: true,
    },
  ];
  const reader = async (i: number) => {
    for (let n = i; running; n++) {
      const r = READS[n % READS.length]!;
      const id = caseIds[n % Math.max(1, caseIds.length)];
      if (r.needsCase && !id) continue;
      const a = await send(reads, inspector, r.query, r.needsCase ? { id } : {});
      if (a.errors || !r.ok(a.data)) {
        reads.failed += 1;
        fail('read', a);
      }
    }
  };
  const FILE =
    'mutation($input: FileCaseInput!, $key: String!) { fileCase(input: $input, idempotencyKey: $key) { case { id status } } }';
  const ADVANCE =
    'mutation($input: AdvanceCaseInput!, $key: String!) { advanceCase(input: $input, idempotencyKey: $key) { id currentStep } }';
  const writer = async (w: number) => {
    for (let n = 0; running; n++) {
      const key = `rolling-${w}-${n}`;
      const filed = await send(mutations, clerk, FILE, {
        key: `${key}-file`,
        input: {
          powerId,
          applicant: { name: '王小明', idNumber: '139901199001051234', phone: '13812345678' },
          details: '滚动重启测试',
        },
      });
      const caseId = filed.data?.['fileCase']?.case?.id as string | undefined;
      if (filed.errors || !caseId) {
        mutations.failed += 1;
        fail('fileCase', filed);
        continue;
      }
      mutations.filed += 1;
      caseIds.push(caseId);
      const blocked = await send(mutations, clerk, ADVANCE, {
        key: `${key}-blocked`,
        input: { caseId, result: '材料不齐' },
      });
      if (blocked.errors?.[0]?.extensions?.code !== 'CHECKPOINT_VIOLATED') {
        mutations.failed += 1;
        fail('advanceCase (blocked)', blocked);
      } else mutations.blocked += 1;
      const advanced = await send(mutations, clerk, ADVANCE, {
        key: `${key}-advance`,
        input: {
          caseId,
          result: '材料齐全，予以受理',
          attachments: [
            { name: '申请书', mediaType: 'text/plain', contentBase64: Buffer.from('申请书').toString('base64') },
          ],
        },
      });
      if (advanced.errors || advanced.data?.['advanceCase']?.currentStep !== 2) {
        mutations.failed += 1;
        fail('advanceCase', advanced);
      } else mutations.advanced += 1;
    }
  };
  const load = [
    ...Array.from({ length: o.readers ?? 2 }, (_, i) => reader(i)),
    ...Array.from({ length: o.writers ?? 2 }, (_, w) => writer(w)),
  ];

  // The rolling restart: every replica in turn, SIGTERM, then wait for its successor's /readyz.
  const restarted: string[] = [];
  const restartMs: number[] = [];
  await new Promise((r) => setTimeout(r, 2000)); // the load under way first
  const order = o.only
    ? o.only.map((name) => {
        const r = cluster.replicas.find((x) => x.name === name);
        if (!r) throw new Error(`no replica ${name}`);
        return r;
      })
    : cluster.replicas;
  for (const { name, port } of order) {
    const pid = cluster.pidOf(name);
    if (!pid) throw new Error(`no pid for ${name}`);
    const began = Date.now();
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (Date.now() > deadline)
        throw new Error(`${name} not ready again within 120 s:\n${cluster.output().slice(-3000)}`);
      const next = cluster.pidOf(name);
      if (next && next !== pid) {
        const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ready) break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    restarted.push(name);
    restartMs.push(Date.now() - began);
  }
  await new Promise((r) => setTimeout(r, 2000)); // and some load after the last one
  running = false;
  await Promise.all(load);

  // Every blocked advance raised one alert; the subscribers must have each of them once, in order.
  const db = new Client({ connectionString: embeddedDatabaseUrl(cluster.pgPort, 'sunlight') });
  await db.connect();
  try {
    const one = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
    const alertIds = async () =>
      (
        await db.query(
          `SELECT a.id, a.seq::text FROM alerts.alert a JOIN cases."case" c ON c.id::text = a.subject_id
           WHERE a.kind = 'CHECKPOINT_BLOCKED' AND c.power_id = $1 ORDER BY a.seq`,
          [powerId],
        )
      ).rows as { id: string; seq: string }[];
    const deadline = Date.now() + 30_000;
    let expected = await alertIds();
    while (
      Date.now() < deadline &&
      (expected.length < mutations.blocked || subscribers.some((s) => s.ids().length < expected.length))
    ) {
      await new Promise((r) => setTimeout(r, 250));
      expected = await alertIds();
    }
    const database = {
      cases: await one('SELECT count(*) AS n FROM cases."case" WHERE power_id = $1', [powerId]),
      blockedTraceEvents: await one(
        `SELECT count(*) AS n FROM cases.case_event e JOIN cases."case" c ON c.id = e.case_id
         WHERE c.power_id = $1 AND e.kind = 'CHECKPOINT_BLOCKED'`,
        [powerId],
      ),
      blockedOutboxEvents: await one("SELECT count(*) AS n FROM cases.outbox WHERE topic = 'case.checkpoint_blocked'"),
      alerts: expected.length,
      alertsDistinctEvents: await one(
        `SELECT count(DISTINCT source_event_id) AS n FROM alerts.alert WHERE kind = 'CHECKPOINT_BLOCKED'`,
      ),
      cards: await one('SELECT count(*) AS n FROM cases.card'),
      duplicateCards: await one(
        'SELECT count(*) AS n FROM (SELECT 1 FROM cases.card GROUP BY case_id, level, scope HAVING count(*) > 1) d',
      ),
      duplicateCardTraces: await one(
        `SELECT count(*) AS n FROM (SELECT 1 FROM cases.case_event WHERE kind = 'CARD_RAISED'
         GROUP BY case_id, payload->>'level', payload->>'step' HAVING count(*) > 1) d`,
      ),
      duplicateAlerts: await one(
        'SELECT count(*) AS n FROM (SELECT 1 FROM alerts.alert GROUP BY source, source_event_id HAVING count(*) > 1) d',
      ),
    };
    const expectedIds = expected.map((a) => a.id);
    const report: RollingReport = {
      restarted,
      restartMs,
      reads,
      mutations,
      failures,
      retriedErrors,
      subscribers: subscribers.map((s) => s.report(expectedIds)),
      balancers: balancerCounts(cluster.output()),
      database,
    };
    return report;
  } finally {
    await db.end();
    await Promise.all(subscribers.map((s) => s.close()));
  }
}

/** What the launcher's balancers logged: targets passed over, and requests no target took. */
function balancerCounts(output: string): RollingReport['balancers'] {
  const counts: RollingReport['balancers'] = {};
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const l = JSON.parse(line) as { service?: string; msg?: string; name?: string };
    if (l.service !== 'launcher' || !l.name) continue;
    const c = (counts[l.name] ??= { passedOver: 0, unavailable: 0 });
    if (l.msg === 'balancer passed over a target') c.passedOver += 1;
    else if (l.msg?.startsWith('balancer: no target')) c.unavailable += 1;
  }
  for (const [name, c] of Object.entries(counts)) if (c.passedOver + c.unavailable === 0) delete counts[name];
  return counts;
}

/** An `alertRaised` subscriber that, when its socket closes, subscribes again after its last alert. */
class ResumingSubscriber {
  private readonly received: { id: string; seq: string }[] = [];
  private client: WsClient | undefined;
  private closed = false;
  reconnects = 0;

  constructor(
    private readonly httpUrl: string,
    private readonly token: string,
  ) {}

  ids(): string[] {
    return this.received.map((r) => r.id);
  }

  /** Connects and resolves once the server first acknowledged the connection. */
  start(): Promise<void> {
    return new Promise((resolve) => this.connect(resolve));
  }

  /** One client; when it ends (closed, errored, completed), exactly one new one after the last alert. */
  private connect(onConnected?: () => void): void {
    if (this.closed) return;
    const after = this.received.at(-1)?.id;
    const client = createClient({
      url: this.httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    this.client = client;
    let ended = false;
    const again = () => {
      if (ended || this.closed) return;
      ended = true;
      this.reconnects += 1;
      void client.dispose();
      setTimeout(() => this.connect(onConnected), 200);
    };
    client.on('connected', () => {
      // the subscribe message reaches the server first
      setTimeout(() => {
        onConnected?.();
        onConnected = undefined;
      }, 100);
    });
    client.on('closed', again);
    client.subscribe(
      {
        query:
          'subscription($after: ID) { alertRaised(filter: { kinds: [CHECKPOINT_BLOCKED] }, after: $after) { id seq } }',
        variables: after ? { after } : {},
      },
      {
        next: (v) => {
          const a = (v.data as { alertRaised?: { id: string; seq: string } } | null)?.alertRaised;
          if (a) this.received.push(a);
        },
        error: again,
        complete: again,
      },
    );
  }

  report(expected: string[]) {
    const ids = this.ids();
    const seen = new Set<string>();
    let duplicates = 0;
    for (const id of ids) {
      if (seen.has(id)) duplicates += 1;
      seen.add(id);
    }
    let outOfOrder = 0;
    for (let i = 1; i < this.received.length; i++)
      if (BigInt(this.received[i]!.seq) <= BigInt(this.received[i - 1]!.seq)) outOfOrder += 1;
    return {
      received: ids.length,
      reconnects: this.reconnects,
      duplicates,
      outOfOrder,
      missing: expected.filter((id) => !seen.has(id)).length,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.dispose();
  }
}

/** The counts a person reads after the run (README, "npm run start:cluster"). */
export function printReport(r: RollingReport): void {
  const line = (s: string) => process.stdout.write(`${s}\n`);
  line(`rolling restart of ${r.restarted.length} processes: ${r.restarted.join(', ')}`);
  line(`  back ready after (ms): ${r.restartMs.join(', ')}`);
  line(`  reads:     ${r.reads.requests} requests, ${r.reads.retried} retried, ${r.reads.failed} failed`);
  line(
    `  mutations: ${r.mutations.requests} requests, ${r.mutations.retried} retried (same key), ${r.mutations.failed} failed;` +
      ` ${r.mutations.filed} cases filed, ${r.mutations.blocked} advances blocked, ${r.mutations.advanced} advanced`,
  );
  line(`  retried errors: ${JSON.stringify(r.retriedErrors)}`);
  line(`  balancers: ${JSON.stringify(r.balancers)}`);
  for (const [i, s] of r.subscribers.entries())
    line(
      `  subscriber ${i + 1}: ${s.received} alerts received, ${s.reconnects} reconnects, ${s.duplicates} duplicates, ${s.outOfOrder} out of order, ${s.missing} missing`,
    );
  line(`  database: ${JSON.stringify(r.database)}`);
  if (r.failures.length > 0) line(`  failures:\n    ${r.failures.join('\n    ')}`);
}
