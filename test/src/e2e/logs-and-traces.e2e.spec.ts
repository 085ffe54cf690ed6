import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '@sunlight/shared';
import { APPLICANT, FILE_CASE, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const CITY = '139900000000';
const COUNTY = '139901000000';
const VILLAGE = '139901001001';

/** One JSON log line as the components write it. */
interface LogLine {
  service: string;
  level: string;
  msg: string;
  traceId?: string;
  operation?: string | null;
  type?: string;
  status?: number;
  ms?: number;
  errors?: number;
  codes?: string[];
  role?: string | null;
  unit?: string | null;
}

/** A span as OTLP/HTTP JSON carries it, with the service that sent it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

interface OtlpExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: Omit<ReceivedSpan, 'service'>[] }[];
  }[];
}

/** An OTLP/HTTP trace receiver on loopback: accepts `POST /v1/traces` (JSON) and keeps the spans. */
async function startOtlpReceiver(): Promise<{ endpoint: string; spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !/json/.test(req.headers['content-type'] ?? '')) {
        res.writeHead(415).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const { resource, scopeSpans } of body.resourceSpans) {
        const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const scope of scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const newTrace = () => ({ traceId: randomBytes(16).toString('hex'), parentId: randomBytes(8).toString('hex') });
const traceparent = (t: { traceId: string; parentId: string }) => `00-${t.traceId}-${t.parentId}-01`;

/** A unit's cases: the unit from the powers subgraph, its cases (and their applicants) from the cases subgraph. */
const UNIT_CASES = `query ObservedCases($code: ID!) {
  unit(code: $code) { code name cases(first: 5) { edges { node { id number applicantName applicantPhone } } } }
}`;

/**
 * Logs and traces through the real gateway and subgraphs: one access line per request on each
 * process, all under the caller's W3C trace id, no personal data in any line; spans exported by
 * OTLP/HTTP to a receiver this test runs, the subgraphs' joined to the gateway's trace.
 */
describe('observability: access lines and traces across the federation', () => {
  let stack: Stack;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  const raw: string[] = [];
  const saved = { ...process.env };
  const logs = () =>
    raw
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LogLine);
  const accessLines = (traceId: string) => logs().filter((l) => l.msg === 'graphql request' && l.traceId === traceId);

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    process.env['LOG_LEVEL'] = 'info';
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = receiver.endpoint;
    process.env['OTEL_BSP_SCHEDULE_DELAY'] = '100';
    stack = await startStack({ logSink: { write: (line) => void raw.push(line) } });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
    process.env = saved;
  });

  let caseNumber: string;
  it('files a case whose applicant the logs must never show; the cases service asks powers in the same trace', async () => {
    const powerId = await publishTestPower(stack, { unit: VILLAGE, code: 'LOGS-1' });
    const trace = newTrace();
    const filed = await stack.gql<{ fileCase: { case: { number: string } } }>(FILE_CASE, {
      token: await stack.tokenFor(Role.CLERK, VILLAGE),
      variables: { key: 'logs-file-1', input: { powerId, applicant: APPLICANT, details: '申请办理测试事项' } },
      headers: { traceparent: traceparent(trace) },
    });
    expect(filed.errors).toBeUndefined();
    caseNumber = filed.data!.fileCase.case.number;
    // filing reads the power's flow from powers, as the cases service (role SERVICE), in the clerk's trace
    const lines = await until('the filing logged by gateway, cases and powers', () => {
      const found = accessLines(trace.traceId);
      return found.some((l) => l.service === 'powers' && l.role === 'SERVICE') ? found : undefined;
    });
    expect(lines.find((l) => l.service === 'gateway')).toMatchObject({ type: 'mutation', status: 200, role: 'CLERK' });
    expect(lines.find((l) => l.service === 'cases')).toMatchObject({ type: 'mutation', status: 200, role: 'CLERK' });
  });

  it("writes one access line on the gateway and on each subgraph a request touched, all under the caller's trace id", async () => {
    const trace = newTrace();
    const token = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const res = await stack.gql<{ unit: { cases: { edges: { node: { number: string; applicantName: string } }[] } } }>(
      UNIT_CASES,
      { token, variables: { code: VILLAGE }, headers: { traceparent: traceparent(trace) } },
    );
    expect(res.errors).toBeUndefined();
    // the applicant's name did travel through the gateway and the cases subgraph, to an inspector in scope
    expect(res.data!.unit.cases.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ number: caseNumber, applicantName: APPLICANT.name }),
    );
    const lines = await until('access lines of gateway, powers and cases', () => {
      const found = accessLines(trace.traceId);
      return ['gateway', 'powers', 'cases'].every((s) => found.some((l) => l.service === s)) ? found : undefined;
    });
    const gateway = lines.filter((l) => l.service === 'gateway');
    expect(gateway).toEqual([
      expect.objectContaining({
        level: 'info',
        operation: 'ObservedCases',
        type: 'query',
        status: 200,
        errors: 0,
        codes: [],
        role: 'INSPECTOR',
        unit: COUNTY,
      }),
    ]);
    expect(gateway[0]!.ms).toBeGreaterThan(0);
    // the rest: the gateway's fetches (as the inspector) and calls between services (as SERVICE)
    for (const line of lines) if (line.service !== 'gateway') expect(['INSPECTOR', 'SERVICE']).toContain(line.role);
    for (const service of ['powers', 'cases']) {
      const own = lines.filter((l) => l.service === service && l.role === 'INSPECTOR');
      expect(own.length).toBeGreaterThanOrEqual(1);
      for (const line of own) {
        // the gateway names each subgraph operation after the client's
        expect(line.operation).toMatch(new RegExp(`^ObservedCases__${service}__\\d+$`));
        expect(line).toMatchObject({ status: 200, errors: 0, codes: [], role: 'INSPECTOR', unit: COUNTY });
        expect(typeof line.ms).toBe('number');
      }
    }
    // no other component wrote a line under this trace
    expect(new Set(lines.map((l) => l.service))).toEqual(new Set(['gateway', 'powers', 'cases']));
  });

  it("gives a refused request's error codes on the gateway's line and on the subgraph's that refused it", async () => {
    const trace = newTrace();
    const token = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const res = await stack.gql(UNIT_CASES, {
      token,
      variables: { code: CITY }, // above the inspector's county
      headers: { traceparent: traceparent(trace) },
    });
    const codes = [...new Set((res.errors ?? []).map((e) => e.extensions?.code))];
    expect(codes.length).toBeGreaterThan(0);
    const lines = await until('the refusal logged by the gateway and powers', () => {
      const found = accessLines(trace.traceId);
      return found.some((l) => l.service === 'gateway') && found.some((l) => l.service === 'powers')
        ? found
        : undefined;
    });
    expect(lines.find((l) => l.service === 'gateway')).toMatchObject({
      operation: 'ObservedCases',
      status: 200,
      errors: res.errors!.length,
      codes,
    });
    expect(lines.find((l) => l.service === 'powers')!.codes).toEqual(codes);
  });

  it('gives a new trace id to a request whose traceparent is malformed, and passes it on', async () => {
    const token = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const before = logs().length;
    await stack.gql('query ObservedMalformed { unit(code: "139901001001") { code } }', {
      token,
      headers: { traceparent: `00-${'0'.repeat(32)}-${'0'.repeat(16)}-01` },
    });
    const line = await until('the gateway line', () =>
      logs()
        .slice(before)
        .find((l) => l.service === 'gateway' && l.operation === 'ObservedMalformed'),
    );
    expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(line.traceId).not.toBe('0'.repeat(32));
    await until('the powers line under the new trace id', () =>
      accessLines(line.traceId!).find((l) => l.service === 'powers'),
    );
  });

  it("keeps the applicant's name, phone and ID number out of every line any component wrote", () => {
    const text = raw.join('');
    expect(logs().length).toBeGreaterThan(10);
    for (const value of [APPLICANT.name, APPLICANT.phone, APPLICANT.idNumber]) expect(text).not.toContain(value);
  });

  it("exports the gateway's spans and the subgraphs' by OTLP under the caller's trace, subgraph spans under a gateway fetch", async () => {
    const trace = newTrace();
    const token = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const res = await stack.gql(UNIT_CASES.replace('ObservedCases', 'TracedCases'), {
      token,
      variables: { code: VILLAGE },
      headers: { traceparent: traceparent(trace) },
    });
    expect(res.errors).toBeUndefined();
    const spans = await until('spans of the gateway, powers and cases', () => {
      const mine = receiver.spans.filter((s) => s.traceId === trace.traceId);
      const fetches = mine.filter((s) => s.service === 'gateway' && s.name === 'gateway.fetch');
      const joined = (service: string) =>
        mine.some((s) => s.service === service && fetches.some((f) => f.spanId === s.parentSpanId));
      return joined('powers') && joined('cases') ? mine : undefined;
    });
    const gatewaySpans = spans.filter((s) => s.service === 'gateway').map((s) => s.name);
    expect(gatewaySpans).toEqual(
      expect.arrayContaining([
        'query TracedCases',
        'gateway.request',
        'gateway.plan',
        'gateway.execute',
        'gateway.fetch',
      ]),
    );
    // no span carries the query text or anything of the applicant
    expect(spans.flatMap((s) => s.attributes.map((a) => a.key))).not.toContain('graphql.document');
    const exported = JSON.stringify(receiver.spans);
    for (const value of [APPLICANT.name, APPLICANT.phone, APPLICANT.idNumber]) expect(exported).not.toContain(value);
    // the gateway's server span is the caller's child
    const server = spans.find((s) => s.service === 'gateway' && s.kind === 2)!;
    expect(server.parentSpanId).toBe(trace.parentId);
    expect(spans.find((s) => s.service === 'powers')!.name).toMatch(/^query TracedCases__powers__\d+$/);
  });
});
