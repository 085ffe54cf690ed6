import { Role, type VerifiedToken } from '@sunlight/shared';
import { AccountGate } from './account-gate';
import type { AccountStateAnswer } from './account-state-source';

const token = (subject: string, issuedAt = 1_000_000): VerifiedToken => ({
  principal: { subject, role: Role.CLERK, unit: '139901000000' },
  issuedAt,
  expiresAt: issuedAt + 3_600_000,
});

/** A registry in memory: standings by subject, a log of the batches asked, and a switch to fail. */
function registry(standings: Record<string, AccountStateAnswer['standing']>) {
  const asked: string[][] = [];
  const validAfter: Record<string, string> = {};
  let down = false;
  return {
    asked,
    validAfter,
    standings,
    setDown: (d: boolean) => (down = d),
    source: async (subjects: readonly string[]) => {
      asked.push([...subjects]);
      if (down) throw new Error('connection refused');
      return subjects.map((subject) => ({
        subject,
        standing: standings[subject] ?? 'UNKNOWN',
        tokensValidAfter: validAfter[subject] ?? null,
      }));
    },
  };
}

describe('AccountGate', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('admits active accounts and refuses disabled and deleted ones', async () => {
    const r = registry({ a: 'ACTIVE', d: 'DISABLED', x: 'DELETED' });
    const gate = new AccountGate(r.source, { requireAccount: true, now: clock });
    await expect(gate.admit(token('a'))).resolves.toBeUndefined();
    await expect(gate.admit(token('d'))).rejects.toMatchObject({ extensions: { code: 'ACCOUNT_DISABLED' } });
    await expect(gate.admit(token('x'))).rejects.toMatchObject({ extensions: { code: 'ACCOUNT_DISABLED' } });
  });

  it('refuses subjects without an account only when accounts are required', async () => {
    const r = registry({});
    await expect(
      new AccountGate(r.source, { requireAccount: true, now: clock }).admit(token('ghost')),
    ).rejects.toMatchObject({
      extensions: { code: 'ACCOUNT_UNKNOWN' },
    });
    await expect(
      new AccountGate(r.source, { requireAccount: false, now: clock }).admit(token('ghost')),
    ).resolves.toBeUndefined();
  });

  it('refuses tokens issued before the account revoked its tokens, and admits later ones', async () => {
    const r = registry({ a: 'ACTIVE' });
    r.validAfter['a'] = new Date(2_000_000).toISOString();
    const gate = new AccountGate(r.source, { requireAccount: true, now: clock });
    await expect(gate.admit(token('a', 1_999_000))).rejects.toMatchObject({ extensions: { code: 'TOKEN_REVOKED' } });
    expect(() => gate.admit(token('a', 2_000_000))).not.toThrow();
  });

  it('answers from its cache synchronously for 30 s, then asks again and sees the change', async () => {
    now = 1_000_000;
    const r = registry({ a: 'ACTIVE' });
    const gate = new AccountGate(r.source, { requireAccount: true, now: clock });
    await gate.admit(token('a'));
    r.standings['a'] = 'DISABLED';
    now += 29_999;
    expect(gate.admit(token('a'))).toBeUndefined();
    expect(r.asked).toHaveLength(1);
    now += 1;
    await expect(gate.admit(token('a'))).rejects.toMatchObject({ extensions: { code: 'ACCOUNT_DISABLED' } });
    expect(r.asked).toHaveLength(2);
  });

  it('asks once for concurrent misses, in one batch across subjects', async () => {
    const r = registry({ a: 'ACTIVE', b: 'ACTIVE' });
    const gate = new AccountGate(r.source, { requireAccount: true, now: clock });
    await Promise.all([gate.admit(token('a')), gate.admit(token('a')), gate.admit(token('b'))]);
    expect(r.asked).toEqual([['a', 'b']]);
  });

  it('keeps a recent answer while the registry is down, and refuses once nothing recent is known', async () => {
    now = 5_000_000;
    const r = registry({ a: 'ACTIVE' });
    const gate = new AccountGate(r.source, { requireAccount: true, now: clock });
    await gate.admit(token('a'));
    r.setDown(true);
    now += 45_000;
    await expect(gate.admit(token('a'))).resolves.toBeUndefined();
    now += 15_000;
    await expect(gate.admit(token('a'))).rejects.toMatchObject({ extensions: { code: 'ACCOUNTS_UNAVAILABLE' } });
    await expect(gate.admit(token('never-seen'))).rejects.toMatchObject({
      extensions: { code: 'ACCOUNTS_UNAVAILABLE' },
    });
  });

  it('remembers a bounded number of subjects', async () => {
    const r = registry({});
    const gate = new AccountGate(r.source, { requireAccount: false, now: clock, maxSubjects: 2 });
    for (const s of ['a', 'b', 'c']) await gate.admit(token(s));
    expect(gate.admit(token('c'))).toBeUndefined();
    expect(gate.admit(token('a'))).toBeInstanceOf(Promise);
  });
});
