import { randomUUID } from 'node:crypto';
import { PUBLIC_PRINCIPAL, Role } from '@sunlight/shared';
import { aFiling } from '../testing/case-input.builder';
import { openCasesDatabase, staff, type CasesDatabase } from '../testing/cases-database';
import { aPowerSnapshot } from '../testing/power-snapshot.builder';
import { CaseLookupService } from '../lookup/case-lookup.service';
import { createCaseLoaders } from './case.loader';
import { queryCode } from './query-code';

const COUNTY = '139901000000';
const SIBLING = '139902000000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('CaseFilingService on PostgreSQL', () => {
  let db: CasesDatabase;
  const department = randomUUID();
  const clerk = staff.clerk(COUNTY, department, 'clerk-filing');
  const power = aPowerSnapshot().inUnit(COUNTY).ofDepartment(department).withCode('F-001').build();

  beforeAll(async () => {
    db = await openCasesDatabase(MONDAY);
    db.powers.publish(power);
  });
  afterAll(() => db.close());

  it("numbers cases by unit and year, each unit's sequence on its own", async () => {
    const first = await db.filing.file(clerk, aFiling(power.id).build(), db.key());
    const second = await db.filing.file(clerk, aFiling(power.id).forApplicant('李四').build(), db.key());
    const siblingDepartment = randomUUID();
    const siblingPower = db.powers.publish(aPowerSnapshot().inUnit(SIBLING).ofDepartment(siblingDepartment).build());
    const elsewhere = await db.filing.file(
      staff.clerk(SIBLING, siblingDepartment),
      aFiling(siblingPower.id).build(),
      db.key(),
    );

    expect(first.number).toBe(`${COUNTY}-2026-000001`);
    expect(second.number).toBe(`${COUNTY}-2026-000002`);
    expect(elsewhere.number).toBe(`${SIBLING}-2026-000001`);
    expect(first.row).toMatchObject({
      status: 'RECEIVED',
      currentStep: 1,
      stepEntry: 1,
      powerId: power.id,
      powerVersion: 1,
      unitCode: COUNTY,
      filedBy: 'clerk-filing',
    });
    expect(first.receiptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      await db.count('SELECT count(*) FROM case_event WHERE case_id = $1 AND kind = $2', [first.caseId, 'FILED']),
    ).toBe(1);
  });

  it('derives the query code from the case id, and the public finds the case with it and only with it', async () => {
    const filed = await db.filing.file(clerk, aFiling(power.id).build(), db.key());
    expect(filed.queryCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(filed.queryCode).toBe(queryCode.for(db.config.queryCodeKey, filed.caseId));
    expect(
      await db.count('SELECT count(*) FROM "case" WHERE row_to_json("case")::text LIKE \'%\' || $1 || \'%\'', [
        filed.queryCode,
      ]),
    ).toBe(0);

    const lookup = new CaseLookupService(db.ds, db.reads(), createCaseLoaders(db.ds), db.config);
    const citizen = { ...PUBLIC_PRINCIPAL, client: '203.0.113.7' };
    await expect(lookup.progress(citizen, filed.number, filed.queryCode.toLowerCase())).resolves.toMatchObject({
      number: filed.number,
      status: 'RECEIVED',
      currentStep: '第1步',
    });
    await expect(lookup.progress(citizen, filed.number, 'AAAAAAAA')).rejects.toMatchObject({
      extensions: { code: 'CASE_NOT_FOUND' },
    });
  });

  it('answers a retried filing with the same case, number and code, and writes nothing twice', async () => {
    const key = db.key();
    const input = aFiling(power.id).forApplicant('王五').build();
    const first = await db.filing.file(clerk, input, key);
    const calls = db.powers.calls;
    const retry = await db.filing.file(clerk, input, key);

    expect(retry).toMatchObject({
      caseId: first.caseId,
      number: first.number,
      queryCode: first.queryCode,
      row: null,
      receiptHash: null,
    });
    expect(db.powers.calls).toBe(calls);
    expect(await db.count('SELECT count(*) FROM "case" WHERE applicant_name = $1', ['王五'])).toBe(1);
    expect(
      await db.count("SELECT count(*) FROM outbox WHERE topic = 'case.filed' AND aggregate_id = $1", [first.caseId]),
    ).toBe(1);
    const receipt = await db.reads().receipt(clerk, retry);
    expect(receipt.receiptHash).toBe(first.receiptHash);
    await expect(db.filing.file(clerk, aFiling(power.id).forApplicant('赵六').build(), key)).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
  });

  it('files only under a published power of the clerk’s own unit and department', async () => {
    const before = await db.count('SELECT count(*) FROM "case"');
    await expect(db.filing.file(clerk, aFiling(randomUUID()).build(), db.key())).rejects.toMatchObject({
      extensions: { code: 'POWER_NOT_AVAILABLE', field: 'powerId' },
    });
    await expect(
      db.filing.file(staff.clerk(COUNTY, randomUUID()), aFiling(power.id).build(), db.key()),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_RESPONSIBLE' } });
    await expect(
      db.filing.file(staff.clerk(SIBLING, department), aFiling(power.id).build(), db.key()),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_RESPONSIBLE' } });
    await expect(db.filing.file(staff.inspector(COUNTY), aFiling(power.id).build(), db.key())).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const leader = await db.filing.file(staff.leader(COUNTY), aFiling(power.id).build(), db.key());
    expect(leader.row?.filedBy).toMatch(/^leader-/);
    expect(await db.count('SELECT count(*) FROM "case"')).toBe(before + 1);
  });

  it('refuses while the powers service is unreachable, writes nothing, and the same key succeeds once it is back', async () => {
    const key = db.key();
    const input = aFiling(power.id).forApplicant('钱七').build();
    db.powers.goDown();
    try {
      await expect(db.filing.file(clerk, input, key)).rejects.toMatchObject({
        extensions: { code: 'POWERS_UNAVAILABLE' },
      });
    } finally {
      db.powers.comeBack();
    }
    expect(await db.count('SELECT count(*) FROM "case" WHERE applicant_name = $1', ['钱七'])).toBe(0);
    const filed = await db.filing.file(clerk, input, key);
    expect(filed.row?.applicantName).toBe('钱七');
  });

  it('runs a case under the version it was filed under after the power is retired', async () => {
    const retired = db.powers.publish(
      aPowerSnapshot().inUnit(COUNTY).ofDepartment(department).withCode('F-RETIRED').withFlow(1, 1).build(),
    );
    const filed = await db.filing.file(clerk, aFiling(retired.id).build(), db.key());
    db.powers.retire(retired.id);
    await expect(db.filing.file(clerk, aFiling(retired.id).build(), db.key())).rejects.toMatchObject({
      extensions: { code: 'POWER_NOT_AVAILABLE' },
    });
    const c = await db.reads().get({ subject: 'svc', role: Role.SERVICE }, filed.caseId);
    expect(c.row.snapshot).toEqual(retired);
  });
});
