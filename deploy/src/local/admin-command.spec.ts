import { passwordHash } from '@sunlight/powers';
import { createTestDatabase, type TestDatabase } from '@sunlight/shared/testing';
import { Client } from 'pg';
import { generatePassword, parseAdminCommand, runAdminCreate } from './admin-command';

/** `npm run -s admin -- create`: the first ADMIN of an empty (production) database. */
describe('the admin command', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('parses create, with the password from stdin, the environment or generated', () => {
    const argv = ['create', '--unit', '139900000000', '--subject', 'root.admin', '--name', '王管理'];
    expect(parseAdminCommand(argv, {})).toEqual({
      unit: '139900000000',
      subject: 'root.admin',
      name: '王管理',
      password: 'generate',
    });
    expect(parseAdminCommand([...argv, '--password-stdin'], {}).password).toBe('stdin');
    expect(parseAdminCommand(argv, { SUNLIGHT_ADMIN_PASSWORD: 'x' }).password).toBe('env');
    expect(() => parseAdminCommand(['create', '--unit', '1399'], {})).toThrow(/usage/);
    expect(() => parseAdminCommand([...argv.slice(0, 2), '12', ...argv.slice(3)], {})).toThrow(/12-digit/);
    const generated = generatePassword();
    expect(generated).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(generated).not.toBe(generatePassword());
  });

  it('creates the root unit and its ADMIN on an empty database; the password verifies; a second run is refused', async () => {
    const command = parseAdminCommand(
      ['create', '--unit', '139900000000', '--subject', 'root.admin', '--name', '王管理', '--unit-name', '示范市'],
      {},
    );
    await expect(
      runAdminCreate(db.url, { ...command, unitName: undefined as unknown as string }, 'Kaishi2026abcd'),
    ).rejects.toThrow(/does not exist: give --unit-name/);
    await runAdminCreate(db.url, command, 'Kaishi2026abcd');
    const units = await client.query('SELECT code, name, tier, parent_code FROM powers.unit');
    expect(units.rows).toEqual([{ code: '139900000000', name: '示范市', tier: 'CITY', parent_code: null }]);
    const accounts = await client.query(
      'SELECT a.subject, a.role, a.unit_code, a.status, c.must_change, c.password_hash FROM powers.account a JOIN powers.account_credential c USING (subject)',
    );
    expect(accounts.rows).toHaveLength(1);
    expect(accounts.rows[0]).toMatchObject({
      subject: 'root.admin',
      role: 'ADMIN',
      unit_code: '139900000000',
      status: 'ACTIVE',
      must_change: true,
    });
    expect(await passwordHash.verify('Kaishi2026abcd', accounts.rows[0].password_hash)).toBe(true);
    await expect(runAdminCreate(db.url, command, 'Kaishi2026abcd')).rejects.toMatchObject({ code: 'SUBJECT_TAKEN' });
    await expect(runAdminCreate(db.url, { ...command, subject: 'weak.admin' }, 'short')).rejects.toMatchObject({
      code: 'WEAK_PASSWORD',
    });
  });
});
