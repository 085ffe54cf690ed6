import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { printReport, rollingRestart } from '../support/rolling-restart';

const ROOT = path.resolve(__dirname, '../../..');

// The real `npm run start:cluster` (child processes, balancers, embedded PostgreSQL), built first.
beforeAll(() => {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
}, 300_000);

// `npm test` restarts, one at a time and under a light load, the processes that hold the
// background work and the sockets: a cases replica (the card scheduler), an alerts replica (the
// outbox consumer) and both gateways (every subscriber resumes on the other one); 95 s on two
// shared cores. `npm run bench:rolling` restarts all twelve under more load.
const SHORT = ['cases-1', 'alerts-2', 'gateway-1', 'gateway-2'];

describe('npm run start:cluster: a rolling restart under load', () => {
  it('loses, fails and doubles nothing while replicas and both gateways restart in turn', async () => {
    const r = await rollingRestart({ only: SHORT, readers: 1, writers: 1 });
    printReport(r);
    expect(r.restarted).toEqual(SHORT);
    // No request failed: transient answers were retried (mutations with their idempotency key).
    expect(r.failures).toEqual([]);
    expect(r.reads.failed).toBe(0);
    expect(r.mutations.failed).toBe(0);
    expect(r.reads.requests).toBeGreaterThan(0);
    expect(r.mutations.filed).toBeGreaterThan(0);
    // Nothing doubled: one case per filing key, one blocked trace entry, event and alert per blocked key.
    expect(r.database.cases).toBe(r.mutations.filed);
    expect(r.database.blockedTraceEvents).toBe(r.mutations.blocked);
    expect(r.database.blockedOutboxEvents).toBe(r.mutations.blocked);
    expect(r.database.alerts).toBe(r.mutations.blocked);
    expect(r.database.alertsDistinctEvents).toBe(r.database.alerts);
    expect(r.database.duplicateAlerts).toBe(0);
    expect(r.database.duplicateCards).toBe(0);
    expect(r.database.duplicateCardTraces).toBe(0);
    // Every subscriber got every alert once, in order, across its gateway's restart.
    for (const s of r.subscribers) {
      expect(s).toMatchObject({ received: r.database.alerts, duplicates: 0, outOfOrder: 0, missing: 0 });
      expect(s.reconnects).toBeGreaterThan(0);
    }
  }, 600_000);
});
