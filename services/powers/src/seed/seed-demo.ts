import type { Logger } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { generateDemoData } from '../demo/demo-data';
import { DEMO_PASSWORD } from '../sign-in/demo-password';
import { passwordHash } from '../sign-in/password-hash';
import { powerRepository } from '../power/power.repository';
import { VersionState } from '../power/power-status';

/**
 * Loads the deterministic demo city into an empty catalog, in one transaction under an advisory
 * lock (replicas starting together seed once), then gives every demo account still without a
 * password the documented demo password (so a demo database from before sign-in gets it too).
 */
export async function seedDemo(ds: DataSource, logger: Logger): Promise<void> {
  await seedCatalog(ds, logger);
  await seedDemoPasswords(ds, logger);
}

/**
 * One scrypt hash (one salt) shared by the demo accounts: the password is public anyway, and
 * hashing each of them would add seconds to every demo start. Accounts created later get their own.
 */
async function seedDemoPasswords(ds: DataSource, logger: Logger): Promise<void> {
  const subjects = generateDemoData().accounts.map((a) => a.subject);
  const hash = await passwordHash.hash(DEMO_PASSWORD);
  const written: unknown[] = await ds.query(
    `INSERT INTO account_credential (subject, password_hash)
       SELECT subject, $2 FROM account WHERE subject = ANY($1)
     ON CONFLICT (subject) DO NOTHING RETURNING subject`,
    [subjects, hash],
  );
  if (written.length > 0) logger.info('demo passwords set', { accounts: written.length });
}

async function seedCatalog(ds: DataSource, logger: Logger): Promise<void> {
  await ds.transaction(async (em) => {
    await em.query("SELECT pg_advisory_xact_lock(hashtext('sunlight:seed:powers'))");
    const [{ n }] = await em.query('SELECT count(*)::int AS n FROM unit');
    if (n > 0) return;
    const started = Date.now();
    const data = generateDemoData();
    for (const u of data.units) {
      await em.query('INSERT INTO unit (code, name, tier, parent_code) VALUES ($1, $2, $3, $4)', [
        u.code,
        u.name,
        u.tier,
        u.parentCode,
      ]);
    }
    await em.query(
      'INSERT INTO department (id, unit_code, code, name, supervisory) SELECT * FROM unnest($1::uuid[], $2::char(12)[], $3::text[], $4::text[], $5::boolean[])',
      [
        data.departments.map((d) => d.id),
        data.departments.map((d) => d.unitCode),
        data.departments.map((d) => d.code),
        data.departments.map((d) => d.name),
        data.departments.map((d) => d.supervisory),
      ],
    );
    await em.query(
      'INSERT INTO post (id, department_id, code, name) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])',
      [
        data.posts.map((p) => p.id),
        data.posts.map((p) => p.departmentId),
        data.posts.map((p) => p.code),
        data.posts.map((p) => p.name),
      ],
    );
    await em.query(
      'INSERT INTO account (subject, name, role, unit_code, department_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::char(12)[], $5::uuid[])',
      [
        data.accounts.map((a) => a.subject),
        data.accounts.map((a) => a.name),
        data.accounts.map((a) => a.role),
        data.accounts.map((a) => a.unitCode),
        data.accounts.map((a) => a.departmentId),
      ],
    );
    for (const p of data.powers) {
      await em.query(
        `INSERT INTO power (id, unit_code, code, status, latest_version, published_version, created_by) VALUES ($1, $2, $3, 'PUBLISHED', 1, 1, 'seed')`,
        [p.id, p.unitCode, p.code],
      );
      await powerRepository.writeVersion(
        em,
        p.id,
        1,
        VersionState.PUBLISHED,
        { ...p, flow: p.flow.map((s) => ({ ...s })) },
        'seed',
      );
    }
    await em.query(`UPDATE power_version SET published_at = now() WHERE state = 'PUBLISHED' AND published_at IS NULL`);
    logger.info('demo data loaded', {
      units: data.units.length,
      departments: data.departments.length,
      accounts: data.accounts.length,
      powers: data.powers.length,
      ms: Date.now() - started,
    });
  });
}
