import { Role, type Principal } from '@sunlight/shared';
import { openSeededCatalog, type SeededCatalog } from '../testing/seeded-catalog';
import { AccountStateService } from './account-state.service';
import { AccountStanding } from './account-state.type';

const COUNTY = '139901000000';
const gateway: Principal = { subject: 'service:gateway', role: Role.SERVICE };

describe('AccountStateService (real PostgreSQL)', () => {
  let catalog: SeededCatalog;
  let accounts: AccountStateService;
  beforeAll(async () => {
    catalog = await openSeededCatalog();
    accounts = new AccountStateService(catalog.ds);
  });
  afterAll(() => catalog.close());

  it('answers each subject in the order asked: active, disabled, deleted or unknown', async () => {
    const clerk = catalog.as(Role.CLERK, COUNTY).subject;
    const leader = catalog.as(Role.LEADER, COUNTY).subject;
    const inspector = catalog.as(Role.INSPECTOR, COUNTY).subject;
    const at = new Date('2026-12-01T08:00:00Z');
    expect(await accounts.disable(leader, at)).toBe(true);
    await catalog.ds.query('DELETE FROM account WHERE subject = $1', [inspector]);
    const states = await accounts.states(gateway, ['nobody', inspector, leader, clerk]);
    expect(states.map((s) => [s.subject, s.standing])).toEqual([
      ['nobody', AccountStanding.UNKNOWN],
      [inspector, AccountStanding.DELETED],
      [leader, AccountStanding.DISABLED],
      [clerk, AccountStanding.ACTIVE],
    ]);
    expect(
      await catalog.count('SELECT count(*) FROM account WHERE subject = $1 AND disabled_at = $2', [leader, at]),
    ).toBe(1);
  });

  it('enabling again revokes the tokens issued before; re-creating a deleted subject clears its tombstone', async () => {
    const admin = catalog.as(Role.ADMIN, COUNTY);
    const at = new Date('2026-12-02T08:00:00Z');
    await accounts.disable(admin.subject, at);
    expect(await accounts.enable(admin.subject, at)).toBe(true);
    expect(await accounts.states(gateway, [admin.subject])).toEqual([
      { subject: admin.subject, standing: AccountStanding.ACTIVE, tokensValidAfter: at },
    ]);
    await catalog.ds.query('DELETE FROM account WHERE subject = $1', [admin.subject]);
    await catalog.ds.query(`INSERT INTO account (subject, name, role, unit_code) VALUES ($1, '某某', 'ADMIN', $2)`, [
      admin.subject,
      COUNTY,
    ]);
    expect((await accounts.states(gateway, [admin.subject]))[0]?.standing).toBe(AccountStanding.ACTIVE);
  });

  it('refuses a disabled_at without DISABLED, and a caller that is not a service', async () => {
    const clerk = catalog.as(Role.CLERK, COUNTY);
    await expect(
      catalog.ds.query('UPDATE account SET disabled_at = now() WHERE subject = $1', [clerk.subject]),
    ).rejects.toThrow(/account_disabled_when/);
    await expect(accounts.states(clerk, [clerk.subject])).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await accounts.disable('nobody', new Date())).toBe(false);
  });
});
