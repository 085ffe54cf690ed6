import { randomUUID } from 'node:crypto';
import { findDemoAccount, generateDemoData } from '@sunlight/powers';
import { canSeeAlert, loadPlatformConfig, loadSecrets, Role, TokenService, type Principal } from '@sunlight/shared';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { Latency } from './latency';
import { startLocalStack } from './local-stack';
import { processMemory } from './process-memory';

/**
 * `npm run bench:alerts`: starts the stack as `npm start` does, opens N subscribers (default 1000
 * and 5000) spread over every tier (inspectors and leaders of all 49 demo units), raises alerts
 * at a steady rate by committing events to the cases outbox, and measures delivery latency from
 * commit to receipt, missed and duplicated deliveries (against the alert rule), and the gateway's
 * memory. BENCH_SUBSCRIBERS="1000,5000", BENCH_ALERTS (per run, 100), BENCH_RATE (alerts/s, 10).
 * BENCH_GATEWAYS=2 starts the stack as `npm run start:cluster` does and spreads the subscribers
 * over its two gateways (each its own socket to one of them), reporting each gateway's memory.
 */
const SIZES = (process.env['BENCH_SUBSCRIBERS'] ?? '1000,5000').split(',').map(Number);
const ALERTS = Number(process.env['BENCH_ALERTS'] ?? 100);
const RATE = Number(process.env['BENCH_RATE'] ?? 10);
const GATEWAYS = Number(process.env['BENCH_GATEWAYS'] ?? 1);
/** Where `npm run start:cluster` puts its gateway replicas (CLUSTER_PORT_BASE, as the launcher defaults it). */
const CLUSTER_PORT_BASE = Number(process.env['CLUSTER_PORT_BASE'] ?? 4100);

interface Sub {
  principal: Principal;
  seen: Map<string, number>;
  dispose: () => Promise<void>;
}

async function main(): Promise<void> {
  if (GATEWAYS !== 1 && GATEWAYS !== 2) throw new Error('BENCH_GATEWAYS is 1 or 2');
  const stack = await startLocalStack(
    { ALERTS_POLL_MS: '1000', COMPLAINT_CLOCK_INTERVAL_MS: '0' },
    undefined,
    GATEWAYS === 2 ? 'cluster' : 'start',
  );
  const gatewayUrls =
    GATEWAYS === 2 ? [0, 1].map((r) => `http://127.0.0.1:${CLUSTER_PORT_BASE + r}/graphql`) : [stack.gatewayUrl];
  const db = new Client({ connectionString: 'postgres://postgres:sunlight-local@127.0.0.1:54339/sunlight' });
  await db.connect();
  const rows: string[] = [];
  try {
    const secrets = loadSecrets(loadPlatformConfig({ ...process.env, DATA_DIR: stack.dataDir }));
    const tokens = new TokenService(secrets.tokenSecret, secrets.internalSecret);
    const demo = generateDemoData();
    const audience = demo.units.flatMap((u) =>
      [Role.INSPECTOR, Role.LEADER].map((role) => findDemoAccount(demo, role, u.code)!),
    );
    const targets = demo.units.filter((u) => u.tier !== 'CITY').map((u) => u.code);
    for (const size of SIZES) {
      const subs: Sub[] = [];
      for (let i = 0; i < size; i++) {
        const a = audience[i % audience.length]!;
        const principal: Principal = {
          subject: a.subject,
          role: a.role,
          unit: a.unitCode,
          ...(a.departmentId ? { department: a.departmentId } : {}),
        };
        const token = await tokens.issue(principal);
        const seen = new Map<string, number>();
        const client = createClient({
          url: gatewayUrls[i % gatewayUrls.length]!.replace('http', 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          retryAttempts: 3,
          lazy: false,
          on: { connected: () => void connected.add(i) },
        });
        client.subscribe(
          { query: 'subscription { alertRaised(filter: { kinds: [CARD] }) { id title level unit { name } } }' },
          {
            next: (v) => {
              const title = (v.data as { alertRaised: { title: string } }).alertRaised.title;
              const n = /B-(\d+-\d+)/.exec(title)?.[1];
              if (!n) return;
              seen.set(n, (seen.get(n) ?? 0) + 1);
              if (!times.has(`${i}|${n}`)) times.set(`${i}|${n}`, Date.now());
            },
            error: () => undefined,
            complete: () => undefined,
          },
        );
        subs.push({ principal, seen, dispose: () => client.dispose() as Promise<void> });
        if (i % 250 === 249) await new Promise((r) => setTimeout(r, 50));
      }
      // let every subscription reach the server: until all are connected (at most 60 s), then 2 s more
      for (let t = 0; t < 60 && connected.size < size; t++) await new Promise((r) => setTimeout(r, 1000));
      await new Promise((r) => setTimeout(r, 2000));
      process.stdout.write(`${connected.size}/${size} subscribers connected\n`);
      const committed = new Map<string, { at: number; unit: string }>();
      const run = `${size}`;
      const started = Date.now();
      for (let k = 0; k < ALERTS; k++) {
        const unit = targets[k % targets.length]!;
        const n = `${run}-${k}`;
        const caseId = randomUUID();
        await db.query('BEGIN');
        await db.query(
          `INSERT INTO cases.outbox (topic, unit_code, aggregate_id, payload) VALUES ('case.card_raised', $1, $2, $3)`,
          [unit, caseId, JSON.stringify({ caseId, number: `B-${n}`, level: 'RED', step: 1, reason: 'bench' })],
        );
        await db.query(`SELECT pg_notify('sunlight_outbox_cases', '')`);
        await db.query('COMMIT');
        committed.set(n, { at: Date.now(), unit });
        const next = started + ((k + 1) * 1000) / RATE;
        if (next > Date.now()) await new Promise((r) => setTimeout(r, next - Date.now()));
      }
      // drain: until no delivery arrives for 3 s (at most 90 s)
      for (let last = -1, quiet = 0, t = 0; quiet < 3 && t < 90; t++) {
        await new Promise((r) => setTimeout(r, 1000));
        quiet = times.size === last ? quiet + 1 : 0;
        last = times.size;
      }
      const latency = new Latency();
      const byTenth = Array.from({ length: 10 }, () => new Latency()); // by when the alert was raised
      let expected = 0;
      let missed = 0;
      let duplicated = 0;
      let unexpected = 0;
      subs.forEach((s, i) => {
        for (const [n, c] of committed) {
          const should = canSeeAlert(s.principal, {
            kind: 'CARD',
            unitCode: c.unit,
            accusedUnit: null,
            accusedDepartment: null,
            againstLeadership: false,
          });
          const got = s.seen.get(n) ?? 0;
          if (should) {
            expected++;
            if (got === 0) missed++;
            if (got > 1) duplicated += got - 1;
            const t = times.get(`${i}|${n}`);
            if (t) {
              latency.add(t - c.at);
              byTenth[Math.min(9, Math.floor((10 * (c.at - started)) / (ALERTS * (1000 / RATE))))]!.add(t - c.at);
            }
          } else if (got > 0) unexpected += got;
        }
      });
      process.stdout.write(
        `p50 / p99 ms by tenth of the run: ${byTenth.map((l) => `${l.percentile(50).toFixed(0)}/${l.percentile(99).toFixed(0)}`).join(' ')}\n`,
      );
      const memory = processMemory('gateway/dist/main.js')
        .map((g) => `${g.rssMiB} / ${g.peakMiB}`)
        .join(', ');
      const heap = (await Promise.all(gatewayUrls.map(gatewayHeap))).join(', ');
      rows.push(
        `| ${size} | ${GATEWAYS} | ${ALERTS} @ ${RATE}/s | ${expected} | ${latency.percentile(50).toFixed(0)} | ${latency.percentile(99).toFixed(0)} | ${missed} | ${duplicated} | ${unexpected} | ${memory || '?'} | ${heap} |`,
      );
      process.stdout.write(`${rows[rows.length - 1]}\n`);
      await Promise.all(subs.map((s) => s.dispose().catch(() => undefined)));
      times.clear();
      connected.clear();
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    await db.end();
    await stack.stop();
  }
  process.stdout.write(
    [
      '',
      'alerts benchmark: delivery from commit (cases outbox) to receipt (graphql-ws client), through the alerts service and the gateway',
      '| subscribers | gateways | alerts | expected deliveries | p50 ms | p99 ms | missed | duplicated | outside scope | gateway RSS / peak MiB (each) | gateway JS heap used / total MiB (each) |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

/** The gateway's JS heap from its own /metrics (prom-client's default metrics): used / total MiB. */
async function gatewayHeap(gatewayUrl: string): Promise<string> {
  try {
    const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    const read = (name: string) =>
      Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
    return `${read('nodejs_heap_size_used_bytes').toFixed(0)} / ${read('nodejs_heap_size_total_bytes').toFixed(0)}`;
  } catch {
    return '?';
  }
}

const times = new Map<string, number>();
const connected = new Set<number>();

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
