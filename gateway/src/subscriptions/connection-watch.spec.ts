import { Role, type VerifiedToken } from '@sunlight/shared';
import { AccountGate } from '../auth/account-gate';
import type { AccountStateAnswer } from '../auth/account-state-source';
import { ConnectionWatch, type ConnectionState } from './connection-auth';

const NOW = 1_000_000;

function socket(subject: string, expiresAt: number) {
  const closed: [number, string][] = [];
  const token: VerifiedToken = {
    principal: { subject, role: Role.INSPECTOR, unit: '139901000000' },
    issuedAt: NOW - 1000,
    expiresAt,
  };
  const state: ConnectionState = {
    principal: token.principal,
    token,
    close: (code, reason) => void closed.push([code, reason]),
    active: new Set(),
  };
  return { state, closed };
}

describe('ConnectionWatch: one sweep for every socket', () => {
  const standings: Record<string, AccountStateAnswer['standing']> = {};
  let down = false;
  let now = NOW;
  const gate = new AccountGate(
    async (subjects) => {
      if (down) throw new Error('connection refused');
      return subjects.map((subject) => ({
        subject,
        standing: standings[subject] ?? 'UNKNOWN',
        tokensValidAfter: null,
      }));
    },
    { requireAccount: true, freshMs: 1, now: () => now },
  );
  const settle = () => new Promise((r) => setTimeout(r, 10));

  it('closes a socket with 4401 at the first sweep after its token expires, and leaves the others', () => {
    const watch = new ConnectionWatch();
    const expiring = socket('a', NOW + 500);
    const lasting = socket('b', NOW + 60_000);
    watch.add(expiring.state);
    watch.add(lasting.state);
    watch.sweep(NOW);
    expect(expiring.closed).toEqual([]);
    watch.sweep(NOW + 500);
    expect(expiring.closed).toEqual([[4401, 'Token expired']]);
    expect(lasting.closed).toEqual([]);
    expect(watch.size).toBe(1);
    watch.sweep(NOW + 1000); // closed once, not at every sweep
    expect(expiring.closed).toHaveLength(1);
    watch.stop();
  });

  it('asks for the account every tenth sweep and closes a disabled one with 4403', async () => {
    standings['c'] = 'ACTIVE';
    standings['d'] = 'ACTIVE';
    const watch = new ConnectionWatch(gate);
    const kept = socket('c', NOW + 3_600_000);
    const disabled = socket('d', NOW + 3_600_000);
    watch.add(kept.state);
    watch.add(disabled.state);
    standings['d'] = 'DISABLED';
    for (let i = 0; i < 9; i++) watch.sweep(NOW);
    await settle();
    expect(disabled.closed).toEqual([]); // not yet asked
    now += 10;
    watch.sweep(NOW);
    await settle();
    expect(disabled.closed).toEqual([[4403, 'Forbidden']]);
    expect(kept.closed).toEqual([]);
    expect([...watch]).toEqual([kept.state]);
    watch.stop();
  });

  it('fails closed: once the registry has not answered past the stale limit, the socket is closed', async () => {
    standings['e'] = 'ACTIVE';
    const watch = new ConnectionWatch(gate);
    const s = socket('e', NOW + 3_600_000);
    watch.add(s.state);
    for (let i = 0; i < 10; i++) watch.sweep(NOW); // a fresh answer: admitted
    await settle();
    expect(s.closed).toEqual([]);
    down = true;
    now += 120_000; // past the stale limit: the gate answers ACCOUNTS_UNAVAILABLE
    for (let i = 0; i < 10; i++) watch.sweep(NOW);
    await settle();
    expect(s.closed).toEqual([[4403, 'Forbidden']]);
    down = false;
    watch.stop();
  });
});
