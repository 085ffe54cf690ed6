import { randomUUID } from 'node:crypto';
import { createLogger } from '@sunlight/shared';
import { aFiling } from '../testing/case-input.builder';
import { openCasesDatabase, staff, type CasesDatabase } from '../testing/cases-database';
import { aPowerSnapshot } from '../testing/power-snapshot.builder';
import { CardScheduler } from './card-scheduler';

const COUNTY = '139901000000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

// `npm run start:cluster` runs a card scheduler in each cases replica, over one database.
describe('CardScheduler: two replicas at the same moment', () => {
  let db: CasesDatabase;
  const department = randomUUID();
  const clerk = staff.clerk(COUNTY, department, 'clerk-replicas');
  const power = aPowerSnapshot().inUnit(COUNTY).ofDepartment(department).withFlow(2, 5).withDays(20, 10).build();

  beforeAll(async () => {
    db = await openCasesDatabase(MONDAY);
    db.powers.publish(power);
  });
  afterAll(() => db.close());

  it('raise, trace, publish and notify each card once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await db.filing.file(clerk, aFiling(power.id).build(), db.key())).caseId);
    const other = new CardScheduler(db.ds, db.config, createLogger('cases-test'));
    const at = db.workingDaysAfter(MONDAY, 3); // each case is due a REMINDER and a YELLOW card
    const [a, b] = await Promise.all([db.scheduler.runOnce(at), other.runOnce(at)]);
    expect(a.raised + b.raised).toBe(10);
    const count = (sql: string) => db.count(sql, [ids]);
    expect(await count('SELECT count(*) FROM card WHERE case_id = ANY($1::uuid[])')).toBe(10);
    expect(
      await count("SELECT count(*) FROM case_event WHERE kind = 'CARD_RAISED' AND case_id = ANY($1::uuid[])"),
    ).toBe(10);
    expect(
      await count("SELECT count(*) FROM outbox WHERE topic = 'case.card_raised' AND aggregate_id = ANY($1::text[])"),
    ).toBe(10);
    expect(db.notices).toHaveLength(10);
  });
});
