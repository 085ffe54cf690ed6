import { findDemoAccount, generateDemoData } from '@sunlight/powers';
import { loadPlatformConfig, loadSecrets, Role, TokenService, type Principal } from '@sunlight/shared';
import { benchPowerInput } from './bench-power';
import { Latency } from './latency';
import { startLocalStack } from './local-stack';

/**
 * `npm run bench:cases`: starts the federation as `npm start` does (separate processes, embedded
 * PostgreSQL), then N clients each file a case and take it through every step to completion,
 * through the gateway, for D seconds. Prints completed cases per second, mutations per second,
 * p50/p95/p99 latency per operation and errors. BENCH_CLIENTS (default 16), BENCH_SECONDS (20).
 */
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 16);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const COUNTIES = ['139901000000', '139902000000', '139903000000'];

async function main(): Promise<void> {
  const stack = await startLocalStack();
  try {
    const secrets = loadSecrets(loadPlatformConfig({ ...process.env, DATA_DIR: stack.dataDir }));
    const tokens = new TokenService(secrets.tokenSecret, secrets.internalSecret);
    const demo = generateDemoData();
    const tokenFor = async (role: Role, unit: string) => {
      const a = findDemoAccount(demo, role, unit)!;
      const p: Principal = {
        subject: a.subject,
        role: a.role,
        unit: a.unitCode,
        ...(a.departmentId ? { department: a.departmentId } : {}),
      };
      return tokens.issue(p);
    };
    const gql = async (token: string, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, { id: string }>; errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors[0]!.message);
      return body.data!;
    };

    // One published power per county, handled by the county's service window, three steps.
    const setups: { powerId: string; clerk: string; leader: string }[] = [];
    for (const county of COUNTIES) {
      const admin = await tokenFor(Role.ADMIN, county);
      const clerk = findDemoAccount(demo, Role.CLERK, county)!;
      const created = await gql(
        admin,
        'mutation($i: CreatePowerInput!, $k: String!) { createPower(input: $i, idempotencyKey: $k) { id } }',
        {
          k: `bench-power-${county}`,
          i: benchPowerInput({
            unitCode: county,
            code: 'BENCH-1',
            departmentId: clerk.departmentId,
            legalBasis: '《测试条例》',
          }),
        },
      );
      const powerId = created['createPower']!.id;
      await gql(admin, 'mutation($id: ID!, $k: String!) { publishPower(id: $id, idempotencyKey: $k) { id } }', {
        id: powerId,
        k: `bench-pub-${county}`,
      });
      setups.push({ powerId, clerk: await tokenFor(Role.CLERK, county), leader: await tokenFor(Role.LEADER, county) });
    }

    const ops = { file: new Latency(), advance: new Latency(), complete: new Latency() };
    let completed = 0;
    let errors = 0;
    let seq = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const timed = async <T>(l: Latency, f: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const r = await f();
      l.add(performance.now() - t0);
      return r;
    };
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, w) => {
        const s = setups[w % setups.length]!;
        while (Date.now() < deadline) {
          const n = seq++;
          try {
            const filed = await timed(ops.file, () =>
              gql(
                s.clerk,
                'mutation($i: FileCaseInput!, $k: String!) { fileCase(input: $i, idempotencyKey: $k) { case { id } } }',
                {
                  k: `bench-file-${n}`,
                  i: {
                    powerId: s.powerId,
                    applicant: { name: '测试', idNumber: '139901199001051234', phone: '13800000000' },
                    details: '压测',
                  },
                },
              ),
            );
            const caseId = (filed['fileCase'] as unknown as { case: { id: string } }).case.id;
            for (const step of [1, 2]) {
              await timed(ops.advance, () =>
                gql(
                  s.clerk,
                  'mutation($i: AdvanceCaseInput!, $k: String!) { advanceCase(input: $i, idempotencyKey: $k) { id } }',
                  { k: `bench-adv-${n}-${step}`, i: { caseId, result: '同意' } },
                ),
              );
            }
            await timed(ops.complete, () =>
              gql(
                s.leader,
                'mutation($i: CompleteCaseInput!, $k: String!) { completeCase(input: $i, idempotencyKey: $k) { id } }',
                { k: `bench-done-${n}`, i: { caseId, outcome: 'APPROVED', result: '准予' } },
              ),
            );
            completed++;
          } catch {
            errors++;
          }
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const mutations = ops.file.count + ops.advance.count + ops.complete.count;
    const row = (name: string, l: Latency) =>
      `| ${name} | ${l.count} | ${l.percentile(50).toFixed(1)} | ${l.percentile(95).toFixed(1)} | ${l.percentile(99).toFixed(1)} |`;
    process.stdout.write(
      [
        `cases benchmark: ${CLIENTS} clients, ${elapsed.toFixed(1)} s, through the gateway (separate processes, embedded PostgreSQL)`,
        `completed cases: ${completed} (${(completed / elapsed).toFixed(1)} cases/s), mutations: ${mutations} (${(mutations / elapsed).toFixed(1)}/s), errors: ${errors}`,
        '',
        '| operation | count | p50 ms | p95 ms | p99 ms |',
        '|---|---|---|---|---|',
        row('fileCase', ops.file),
        row('advanceCase', ops.advance),
        row('completeCase', ops.complete),
        '',
      ].join('\n'),
    );
  } finally {
    await stack.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
