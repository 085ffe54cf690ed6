import { Role } from '@sunlight/shared';
import WebSocket from 'ws';
import { cityDashboardQuery, monthVariables } from '../support/dashboard-query';
import { APPLICANT, fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const CITY = '139900000000';
const COUNTY = '139901000000';
const TOWNSHIP = '139901002000';
const MIB = 1024 * 1024;

/** A valid public complaint against the township's leadership. */
const complaint = (extra: Record<string, unknown> = {}) => ({
  channel: 'WEB',
  category: 'INACTION',
  accused: { kind: 'LEADERSHIP', unitCode: TOWNSHIP },
  description: '镇领导对群众反映的问题长期不予答复。',
  ...extra,
});
const FILE_COMPLAINT =
  'mutation($i: FileComplaintInput!, $k: String!) { fileComplaint(input: $i, idempotencyKey: $k) { number } }';

/** `bytes` bytes of content as an attachment (base64). */
const evidence = (name: string, bytes: number) => ({
  name,
  mediaType: 'application/pdf',
  contentBase64: Buffer.alloc(bytes, 7).toString('base64'),
});

/**
 * What an attacker tries against the limits and inputs of the running federation (issue 12, items
 * 5 and 6): each was accepted, or failed as INTERNAL_SERVER_ERROR or a connection reset, before.
 */
describe('attack: limits and input', () => {
  let stack: Stack;
  let powerId: string;
  const complaints = async (): Promise<number> =>
    (await stack.subgraphs['complaints']!.dataSource.query('SELECT count(*)::int AS n FROM complaint'))[0].n;

  beforeAll(async () => {
    stack = await startStack();
    powerId = await publishTestPower(stack, { unit: COUNTY, code: 'LIMITS-1' });
  });
  afterAll(() => stack.stop());

  describe('limits', () => {
    it('refuses 16 aliased public fileComplaint fields in one request and writes none', async () => {
      const before = await complaints();
      const fields = Array.from(
        { length: 16 },
        (_, i) => `c${i}: fileComplaint(input: $i, idempotencyKey: "k-${i}") { number }`,
      );
      const res = await stack.gql(`mutation($i: FileComplaintInput!) { ${fields.join(' ')} }`, {
        variables: { i: complaint() },
      });
      expect(res.status).toBe(400);
      expect(res.errors?.map((e) => e.extensions)).toEqual([
        { code: 'TOO_MANY_MUTATIONS', kind: 'BAD_INPUT', limit: 1, actual: 16 },
      ]);
      expect(await complaints()).toBe(before);
    });

    it('lets a signed-in caller send 5 mutation fields and refuses 6', async () => {
      const token = await stack.tokenFor(Role.CLERK, COUNTY);
      const fields = (n: number) =>
        Array.from(
          { length: n },
          (_, i) => `c${i}: fileComplaint(input: $i, idempotencyKey: "clerk-${n}-${i}") { number }`,
        );
      const six = await stack.gql(`mutation($i: FileComplaintInput!) { ${fields(6).join(' ')} }`, {
        token,
        variables: { i: complaint() },
      });
      expect(six.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_MUTATIONS', limit: 5, actual: 6 });
      const before = await complaints();
      const five = await stack.gql(`mutation($i: FileComplaintInput!) { ${fields(5).join(' ')} }`, {
        token,
        variables: { i: complaint() },
      });
      expect(five.errors).toBeUndefined();
      expect(await complaints()).toBe(before + 5);
    });

    it('stops a 2 MB query at 1000 tokens, before parsing the rest', async () => {
      const query = `{ ${'viewer { role } '.repeat(Math.ceil((2 * 1000 * 1000) / 16))} }`;
      const started = performance.now();
      const res = await stack.gql(query);
      const ms = performance.now() - started;
      expect(res.status).toBe(400);
      expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['GRAPHQL_PARSE_FAILED', 'Syntax Error: Document contains more that 1000 tokens. Parsing aborted.'],
      ]);
      process.stdout.write(`2 MB query refused in ${ms.toFixed(0)} ms\n`);
    });

    it('answers a 9 MB body with 413 and a JSON error, not a connection reset', async () => {
      const body = JSON.stringify({
        query: FILE_COMPLAINT,
        variables: { k: 'big-body-1', i: complaint({ description: 'x'.repeat(9 * 1000 * 1000) }) },
      });
      const res = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(413);
      const json = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(json.errors.map((e) => e.extensions.code)).toEqual(['PAYLOAD_TOO_LARGE']);
    });

    it('refuses depth 9 and serves the deepest legitimate query, the city dashboard (depth 6)', async () => {
      const leader = await stack.tokenFor(Role.LEADER, CITY);
      const dashboard = await stack.gql(cityDashboardQuery(CITY), {
        token: leader,
        variables: monthVariables('2026-10'),
      });
      expect(dashboard.errors).toBeUndefined();
      expect(dashboard.data).toBeTruthy();
      const deep = await stack.gql(
        `{ unit(code: "${TOWNSHIP}") { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } }`,
      );
      expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 8, actual: 9 });
    });
  });

  describe('over the WebSocket', () => {
    /** A raw graphql-transport-ws socket, acknowledged; resolves how it closed after `send`. */
    async function sendOverSocket(message: string): Promise<{ code: number; replies: string[] }> {
      const token = await stack.tokenFor(Role.LEADER, CITY);
      const socket = new WebSocket(stack.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      const replies: string[] = [];
      await new Promise<void>((resolve, reject) => {
        socket.on('open', () =>
          socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
        );
        socket.on('message', (data: Buffer) => {
          replies.push(data.toString());
          if (replies.length === 1) resolve();
        });
        socket.on('error', reject);
      });
      const closed = new Promise<number>((resolve) => socket.on('close', (code: number) => resolve(code)));
      socket.send(message);
      const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 3000))]);
      socket.terminate();
      return { code, replies: replies.slice(1) };
    }

    it('closes a socket that sends a 7 MB message (1009) instead of parsing it', async () => {
      const query = `{ ${'viewer { role } '.repeat(Math.ceil((7 * 1000 * 1000) / 16))} }`;
      const { code } = await sendOverSocket(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
      expect(code).toBe(1009);
    });

    it('answers a 2 MB query sent over the socket with the token limit', async () => {
      const query = `{ ${'viewer { role } '.repeat(Math.ceil((2 * 1000 * 1000) / 16))} }`;
      const { code, replies } = await sendOverSocket(
        JSON.stringify({ id: '2', type: 'subscribe', payload: { query } }),
      );
      expect(code).toBe(0); // still open
      expect(
        replies.map((r) => JSON.parse(r) as { type: string; payload: { extensions?: { code?: string } }[] }),
      ).toEqual([
        {
          id: '2',
          type: 'error',
          payload: [expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })],
        },
      ]);
    });
  });

  describe('input', () => {
    it('refuses a NUL byte and a lone surrogate as VALIDATION_FAILED naming the field', async () => {
      const before = await complaints();
      const nul = await stack.gql(FILE_COMPLAINT, {
        variables: { k: 'nul-byte-1', i: complaint({ description: '镇领导长期不予答复。\u0000' }) },
      });
      expect(nul.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.description' });
      expect(nul.errors?.[0]?.message).toBe('input.description: 含有不允许的控制字符 U+0000');
      const surrogate = await stack.gql(FILE_COMPLAINT, {
        variables: { k: 'surrogate-1', i: complaint({ complainant: { name: '张\uD800三' } }) },
      });
      expect(surrogate.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'input.complainant.name',
      });
      const long = await stack.gql(FILE_COMPLAINT, {
        variables: { k: 'too-long-1', i: complaint({ description: 'x'.repeat(10_001) }) },
      });
      expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.description' });
      expect(await complaints()).toBe(before);
    });

    it('refuses a 3 MB attachment as ATTACHMENT_TOO_LARGE and takes two of 1.9 MiB', async () => {
      const big = await fileCase(stack, COUNTY, powerId, 'attachment-big', {
        attachments: [evidence('大文件', 3 * 1000 * 1000)],
      });
      expect(big.errors?.[0]?.extensions).toMatchObject({
        code: 'ATTACHMENT_TOO_LARGE',
        field: 'input.attachments.0.contentBase64',
      });
      const two = await fileCase(stack, COUNTY, powerId, 'attachment-two', {
        attachments: [evidence('申请书', 1.9 * MIB), evidence('营业执照', 1.9 * MIB)],
      });
      expect(two.errors).toBeUndefined();
      expect(two.data?.fileCase.case.status).toBeDefined();
    });

    it('refuses a complaint against a unit that does not exist', async () => {
      const before = await complaints();
      const res = await stack.gql(FILE_COMPLAINT, {
        variables: { k: 'ghost-unit-1', i: complaint({ accused: { kind: 'LEADERSHIP', unitCode: '139901999000' } }) },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'accused.unitCode' });
      expect(res.errors?.[0]?.message).toBe('accused.unitCode: 没有代码为 139901999000 的单位');
      expect(await complaints()).toBe(before);
    });

    it('refuses an ID number made of letters or with a wrong check digit, and a phone that is none', async () => {
      for (const [applicant, field] of [
        [{ ...APPLICANT, idNumber: 'ABCDEFGHIJKLMNOPQR' }, 'applicant.idNumber'],
        [{ ...APPLICANT, idNumber: '139901199001011234' }, 'applicant.idNumber'],
        [{ ...APPLICANT, phone: 'call-me-maybe' }, 'applicant.phone'],
      ] as const) {
        const res = await fileCase(stack, COUNTY, powerId, `bad-${field}-${applicant.idNumber}`, { applicant });
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
      }
      const ok = await fileCase(stack, COUNTY, powerId, 'good-applicant');
      expect(ok.errors).toBeUndefined();
    });
  });
});
