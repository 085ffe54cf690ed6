import { randomUUID } from 'node:crypto';
import { PUBLIC_PRINCIPAL, type Principal } from '@sunlight/shared';
import { createCaseLoaders } from '../case/case.loader';
import { aFiling } from '../testing/case-input.builder';
import { openCasesDatabase, staff, type CasesDatabase } from '../testing/cases-database';
import { aPowerSnapshot } from '../testing/power-snapshot.builder';
import { CaseLookupService } from './case-lookup.service';
import { LOOKUP_LIMITS } from './lookup-limits';

const COUNTY = '139901000000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');
const from = (client: string): Principal => ({ ...PUBLIC_PRINCIPAL, client });

describe('the public lookup: lockout an attacker cannot turn against the owner (real PostgreSQL)', () => {
  let db: CasesDatabase;
  let lookup: CaseLookupService;
  const department = randomUUID();
  const clerk = staff.clerk(COUNTY, department, 'clerk-lookup');
  const power = aPowerSnapshot().inUnit(COUNTY).ofDepartment(department).withCode('L-001').build();
  const file = async () => db.filing.file(clerk, aFiling(power.id).build(), db.key());
  let now = MONDAY;
  const later = (seconds: number) => db.setNow((now = new Date(now.getTime() + seconds * 1000)));

  beforeAll(async () => {
    db = await openCasesDatabase(MONDAY);
    db.powers.publish(power);
    lookup = new CaseLookupService(db.ds, db.reads(), createCaseLoaders(db.ds), db.config);
  });
  afterAll(() => db.close());

  it('backs off one case for the guessing address only; the owner elsewhere, and other owners at that address, get in', async () => {
    const [target, other] = [await file(), await file()];
    const attacker = from('198.51.100.1');
    const refusals: string[] = [];
    for (let i = 0; i < 20; i++) {
      const e = await lookup
        .progress(attacker, target.number, `WRONG${i}XX`)
        .catch((x: { extensions: { code: string } }) => x);
      refusals.push((e as { extensions: { code: string } }).extensions.code);
    }
    const free = LOOKUP_LIMITS.freeFailuresPerCase;
    expect(refusals.slice(0, free + 1)).toEqual(Array(free + 1).fill('CASE_NOT_FOUND'));
    expect(new Set(refusals.slice(free + 1))).toEqual(new Set(['RATE_LIMITED']));
    // Even the right code waits at the attacker's address (no oracle), and says how long, in Chinese.
    await expect(lookup.progress(attacker, target.number, target.queryCode)).rejects.toMatchObject({
      message: expect.stringContaining('秒后再试'),
      extensions: { code: 'RATE_LIMITED', limit: 'CASE', retryAfterSeconds: LOOKUP_LIMITS.backoffBaseSeconds },
    });
    // The owner from another address, and another owner at the attacker's address, are not locked out.
    await expect(lookup.progress(from('203.0.113.9'), target.number, target.queryCode)).resolves.toMatchObject({
      number: target.number,
    });
    await expect(lookup.progress(attacker, other.number, other.queryCode)).resolves.toMatchObject({
      number: other.number,
    });
  });

  it('doubles the wait with each failure after it, and forgets the pair once the code is right', async () => {
    const target = await file();
    const guesser = from('198.51.100.2');
    const fail = () => lookup.progress(guesser, target.number, 'AAAAAAAA').catch((e: unknown) => e);
    for (let i = 0; i < LOOKUP_LIMITS.freeFailuresPerCase + 1; i++) await fail();
    later(LOOKUP_LIMITS.backoffBaseSeconds);
    await fail(); // counted: the wait had passed
    await expect(fail()).resolves.toMatchObject({
      extensions: { retryAfterSeconds: LOOKUP_LIMITS.backoffBaseSeconds * 2 },
    });
    later(LOOKUP_LIMITS.backoffBaseSeconds * 2);
    await expect(lookup.progress(guesser, target.number, target.queryCode)).resolves.toMatchObject({
      number: target.number,
    });
    expect(await db.count('SELECT count(*) FROM lookup_attempt WHERE key LIKE $1', [`case:${target.number}|%`])).toBe(
      0,
    );
    await expect(fail()).resolves.toMatchObject({ extensions: { code: 'CASE_NOT_FOUND' } });
  });

  it('stops an address walking through numbers once its budget is spent, until the window ends', async () => {
    const walker = from('198.51.100.3');
    const owner = await file();
    for (let i = 0; i < LOOKUP_LIMITS.clientBudget; i++)
      await lookup.progress(walker, `${COUNTY}-2026-9${String(i).padStart(5, '0')}`, 'AAAAAAAA').catch(() => undefined);
    await expect(lookup.progress(walker, owner.number, owner.queryCode)).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', limit: 'CLIENT', retryAfterSeconds: LOOKUP_LIMITS.clientWindowSeconds },
    });
    await expect(lookup.progress(from('203.0.113.10'), owner.number, owner.queryCode)).resolves.toMatchObject({
      number: owner.number,
    });
    later(LOOKUP_LIMITS.clientWindowSeconds);
    await expect(lookup.progress(walker, owner.number, owner.queryCode)).resolves.toMatchObject({
      number: owner.number,
    });
  });

  it('keeps its table bounded: expired counters are swept', async () => {
    later(24 * 3600);
    await lookup.progress(from('198.51.100.4'), 'nonsense', 'AAAAAAAA').catch(() => undefined);
    await db.scheduler.runOnce(now);
    expect(await db.count('SELECT count(*) FROM lookup_attempt WHERE expires_at < $1', [now])).toBe(0);
    expect(await db.count('SELECT count(*) FROM lookup_attempt')).toBe(2);
  });
});
