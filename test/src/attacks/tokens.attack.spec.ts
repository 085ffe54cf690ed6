import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import { composeSupergraph } from '@sunlight/deploy';
import { startGateway, type RunningGateway } from '@sunlight/gateway';
import { createLogger, Role, TokenKeys, TokenService, type Principal } from '@sunlight/shared';
import { Client } from 'pg';
import { fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type GqlResult, type Stack } from '../support/start-stack';
import { Subscriber } from '../support/ws-subscriber';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const VIEWER = '{ viewer { subject role } }';
const PROGRESS = 'query($n: String!, $q: String!) { caseProgress(number: $n, queryCode: $q) { number status } }';

/**
 * What an attacker or an operator would try against tokens and the public lookup (issue 12, items
 * 7 and 8), on the real stack: forged claims, keys, disabled and deleted accounts, and guessing
 * query codes from one address while the owner comes from another.
 */
describe('attacks on tokens and on the lookup lockout', () => {
  const secret = new Uint8Array(randomBytes(32));
  const internal = new Uint8Array(randomBytes(32));
  const tokens = new TokenService(new TokenKeys(secret), internal);
  /** After a rotation: a new current key, the stack's key kept as the previous one. */
  const nextSecret = new Uint8Array(randomBytes(32));
  const rotated = new TokenService(new TokenKeys(nextSecret, secret), internal);
  let stack: Stack;
  /** A second gateway over the same subgraphs: rotated keys, accounts required, answers trusted 1 s. */
  let strict: RunningGateway;
  let db: Client;
  let accountQuestions = 0;

  beforeAll(async () => {
    stack = await startStack({
      tokens,
      onQuery: (subgraph, sql) => {
        if (subgraph === 'powers' && sql.includes('account_tombstone')) accountQuestions++;
      },
    });
    strict = await startGateway({
      supergraphSdl: await composeSupergraph(),
      subgraphUrls: Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])),
      tokens: rotated,
      logger: createLogger('tokens-attack'),
      port: 0,
      production: false,
      responseCache: { maxBytes: 0, maxAgeMs: 0, settleMs: 0 },
      accountCheck: { requireAccount: true, freshMs: 1000 },
    });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await strict?.stop();
    await stack?.stop();
  });

  const viewer = (token: string, url?: string) =>
    stack.gql<{ viewer: { subject: string } }>(VIEWER, { token, ...(url ? { url } : {}) });
  const demo = (role: Role, unit: string): Promise<Principal> =>
    stack.tokenFor(role, unit).then(async (t) => (await tokens.verify(t)).principal);
  /** A token under the stack's key and kid, built by hand claim by claim (HS256 as RFC 7519 has it). */
  const forge = (claims: Record<string, unknown>) => {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = part({ alg: 'HS256', typ: 'JWT', kid: TokenKeys.kidOf(secret) });
    const body = part({
      iss: 'sunlight',
      aud: 'sunlight-api',
      sub: `clerk.${COUNTY}`,
      role: Role.CLERK,
      unit: COUNTY,
      ...claims,
    });
    return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
  };
  const refusedWith = (r: GqlResult<unknown>, code: string) => {
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
  };

  describe('tokens', () => {
    it('refuses a correctly signed token without exp (and accepts the same token with it)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const withExp = await viewer(forge({ iat: now, exp: now + 3600 }));
      expect(withExp.data?.viewer.subject).toBe(`clerk.${COUNTY}`);
      const noExp = await viewer(forge({ iat: now }));
      expect(noExp.status).toBe(401);
      refusedWith(noExp, 'UNAUTHENTICATED');
      refusedWith(await viewer(forge({ exp: now + 3600 })), 'UNAUTHENTICATED');
    });

    it('keeps two keys active for a rotation and refuses a token of any other key', async () => {
      const clerk = await demo(Role.CLERK, COUNTY);
      const before = await tokens.issue(clerk);
      const after = await rotated.issue(clerk);
      const stranger = await new TokenService(new Uint8Array(randomBytes(32)), internal).issue(clerk);
      // The rotated gateway: the previous key's token and the new key's token both work.
      expect((await viewer(before, strict.url)).data?.viewer.subject).toBe(clerk.subject);
      expect((await viewer(after, strict.url)).data?.viewer.subject).toBe(clerk.subject);
      refusedWith(await viewer(stranger, strict.url), 'UNAUTHENTICATED');
      // The gateway that has not rotated yet does not know the new kid.
      refusedWith(await viewer(after), 'UNAUTHENTICATED');
    });

    it("refuses a disabled account's token within 60 s on the default gateway", async () => {
      const clerk = await demo(Role.CLERK, TOWNSHIP);
      const token = await tokens.issue(clerk);
      expect((await viewer(token)).data?.viewer.subject).toBe(clerk.subject);
      await db.query(`UPDATE powers.account SET status = 'DISABLED', disabled_at = now() WHERE subject = $1`, [
        clerk.subject,
      ]);
      const disabledAt = Date.now();
      let answer = await viewer(token);
      while (answer.data?.viewer && Date.now() - disabledAt < 65_000) {
        await new Promise((r) => setTimeout(r, 1000));
        answer = await viewer(token);
      }
      const tookMs = Date.now() - disabledAt;
      console.log(`a disabled account's token was refused after ${(tookMs / 1000).toFixed(1)} s`);
      refusedWith(answer, 'ACCOUNT_DISABLED');
      expect(answer.status).toBe(401);
      expect(tookMs).toBeLessThan(60_000);
    }, 90_000);

    it("refuses a deleted account's token, and a revoked one, while a later token works", async () => {
      const leader = await demo(Role.LEADER, TOWNSHIP);
      const admin = await demo(Role.ADMIN, TOWNSHIP);
      const leaderToken = await rotated.issue(leader);
      const adminToken = await rotated.issue(admin);
      expect((await viewer(leaderToken, strict.url)).data?.viewer.subject).toBe(leader.subject);
      expect((await viewer(adminToken, strict.url)).data?.viewer.subject).toBe(admin.subject);
      await db.query('DELETE FROM powers.account WHERE subject = $1', [leader.subject]);
      await db.query('UPDATE powers.account SET tokens_valid_after = now() WHERE subject = $1', [admin.subject]);
      await new Promise((r) => setTimeout(r, 1100)); // the strict gateway trusts an answer for 1 s
      refusedWith(await viewer(leaderToken, strict.url), 'ACCOUNT_DISABLED');
      refusedWith(await viewer(adminToken, strict.url), 'TOKEN_REVOKED');
      expect((await viewer(await rotated.issue(admin), strict.url)).data?.viewer.subject).toBe(admin.subject);
    });

    it('refuses subjects without an account where accounts are required; development admits them', async () => {
      const ghost = await tokens.issue({ subject: 'nobody.at.all', role: Role.INSPECTOR, unit: COUNTY });
      refusedWith(await viewer(ghost, strict.url), 'ACCOUNT_UNKNOWN');
      expect((await viewer(ghost)).data?.viewer.subject).toBe('nobody.at.all');
    });

    it('asks about an account once per 30 s, not once per request', async () => {
      const inspector = await tokens.issue(await demo(Role.INSPECTOR, TOWNSHIP));
      accountQuestions = 0;
      for (let i = 0; i < 20; i++) expect((await viewer(inspector)).errors).toBeUndefined();
      expect(accountQuestions).toBe(1);
    });

    it('closes a live socket once its account is disabled', async () => {
      const inspector = await demo(Role.INSPECTOR, COUNTY);
      const socket = await new Subscriber(
        strict.url,
        await rotated.issue(inspector),
        'subscription { alertRaised { id } }',
      ).start();
      await db.query(`UPDATE powers.account SET status = 'DISABLED', disabled_at = now() WHERE subject = $1`, [
        inspector.subject,
      ]);
      const disabledAt = Date.now();
      while (socket.closeCode === undefined && Date.now() - disabledAt < 30_000)
        await new Promise((r) => setTimeout(r, 250));
      const tookMs = Date.now() - disabledAt;
      await socket.close();
      expect(socket.closeCode).toBe(4403);
      expect(tookMs).toBeLessThan(15_000);
    }, 40_000);
  });

  describe('lookup lockout', () => {
    /** A GraphQL POST from a chosen loopback address (the gateway keys limits by the socket's address). */
    const from = (address: string, variables: Record<string, unknown>) =>
      new Promise<GqlResult<{ caseProgress: { number: string } }>>((resolve, reject) => {
        const url = new URL(stack.gatewayUrl);
        const body = JSON.stringify({ query: PROGRESS, variables });
        const req = http.request(
          {
            host: '127.0.0.1',
            port: url.port,
            path: url.pathname,
            method: 'POST',
            localAddress: address,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, ...JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    it("lets the owner in from another address, and other owners at the attacker's, while the attacker waits", async () => {
      const powerId = await publishTestPower(stack, { unit: COUNTY, code: 'LOCKOUT-1' });
      const filed = [];
      for (const key of ['lockout-target', 'lockout-neighbour'])
        filed.push((await fileCase(stack, COUNTY, powerId, key)).data!.fileCase);
      const [target, neighbour] = filed as [(typeof filed)[number], (typeof filed)[number]];
      const attacker = '127.0.0.2';
      const codes: string[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await from(attacker, { n: target.case.number, q: `WRONG${String(i).padStart(3, '0')}` });
        codes.push(r.errors?.[0]?.extensions?.code ?? 'OK');
      }
      expect(codes.slice(0, 6)).toEqual(Array(6).fill('CASE_NOT_FOUND'));
      expect(new Set(codes.slice(6))).toEqual(new Set(['RATE_LIMITED']));
      const waiting = await from(attacker, { n: target.case.number, q: target.queryCode });
      expect(waiting.errors?.[0]).toMatchObject({
        message: expect.stringContaining('秒后再试'),
        extensions: { code: 'RATE_LIMITED', limit: 'CASE', retryAfterSeconds: expect.any(Number) },
      });
      // The owner from their own address, and a neighbour at the attacker's address, get in.
      const owner = await from('127.0.0.3', { n: target.case.number, q: target.queryCode });
      expect(owner.data?.caseProgress.number).toBe(target.case.number);
      const other = await from(attacker, { n: neighbour.case.number, q: neighbour.queryCode });
      expect(other.data?.caseProgress.number).toBe(neighbour.case.number);
    });
  });
});
