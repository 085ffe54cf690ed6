import { randomUUID } from 'node:crypto';
import { complaintTrace } from './complaint-trace';
import { Conclusion } from './complaint.input';
import { aComplaint } from '../testing/complaint-input.builder';
import { openComplaintsDatabase, people, type ComplaintsDatabase } from '../testing/complaints-database';

const CITY = '139900000000';
const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const VILLAGE = '139901001001';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('complaints on PostgreSQL: routing, the protected identity, handling', () => {
  let db: ComplaintsDatabase;
  beforeAll(async () => {
    db = await openComplaintsDatabase(MONDAY);
  });
  afterAll(() => db.close());

  const citizen = people.citizen();
  const file = async (input = aComplaint().build()) => {
    const filed = await db.filing.file(citizen, input, db.key());
    const [row] = (await db.ds.query(
      'SELECT id, handler_unit, against_leadership, status FROM complaint WHERE number = $1',
      [filed.number],
    )) as {
      id: string;
      handler_unit: string;
      against_leadership: boolean;
      status: string;
    }[];
    return { ...filed, ...row! };
  };

  describe('routing by cadre-management authority', () => {
    it("sends a complaint against a township's leadership to the county, numbered by year and published there", async () => {
      const filed = await file(aComplaint().againstLeadershipOf(TOWNSHIP).build());
      expect(filed).toMatchObject({ handler_unit: COUNTY, against_leadership: true, status: 'RECEIVED' });
      expect(filed.number).toMatch(/^TS2026-\d{6}$/);
      const [event] = (await db.ds.query(
        "SELECT unit_code, payload FROM outbox WHERE topic = 'complaint.filed' AND aggregate_id = $1",
        [filed.id],
      )) as { unit_code: string; payload: object }[];
      expect(event).toMatchObject({
        unit_code: COUNTY,
        payload: { complaintId: filed.id, number: filed.number, accusedUnit: TOWNSHIP, handlerUnit: COUNTY },
      });
    });

    it("keeps a complaint against a township's department at the township", async () => {
      expect(await file(aComplaint().againstDepartment(TOWNSHIP, randomUUID()).build())).toMatchObject({
        handler_unit: TOWNSHIP,
        against_leadership: false,
      });
    });

    it('sends anything about a village to its township, and the city leadership stays at the city', async () => {
      expect(await file(aComplaint().againstPerson(VILLAGE, randomUUID(), '王某').build())).toMatchObject({
        handler_unit: TOWNSHIP,
      });
      expect(await file(aComplaint().againstLeadershipOf(CITY).build())).toMatchObject({ handler_unit: CITY });
    });

    it('hides a complaint from the department it is about, even from its own inspector', async () => {
      const department = randomUUID();
      const filed = await file(aComplaint().againstDepartment(COUNTY, department).build());
      await expect(
        db.complaints.get(people.inspector(COUNTY, 'inspector-accused', department), filed.id),
      ).rejects.toMatchObject({ extensions: { code: 'COMPLAINT_NOT_FOUND' } });
      await expect(db.complaints.get(people.inspector(TOWNSHIP), filed.id)).rejects.toMatchObject({
        extensions: { code: 'COMPLAINT_NOT_FOUND' },
      });
      await expect(db.complaints.get(people.inspector(CITY), filed.id)).resolves.toMatchObject({
        number: filed.number,
      });
    });
  });

  describe('the protected identity', () => {
    const name = '举报人甲乙';
    const handler = people.inspector(COUNTY, 'inspector-handler');
    let id: string;
    beforeAll(async () => {
      ({ id } = await file(aComplaint().againstLeadershipOf(TOWNSHIP).from(name, '13712345678').build()));
      await db.handling.accept(handler, id, '受理', db.key());
    });

    it('is encrypted at rest: the row holds a token, not the name or phone', async () => {
      const [row] = (await db.ds.query(
        'SELECT identity_cipher, anonymous, row_to_json(complaint)::text AS raw FROM complaint WHERE id = $1',
        [id],
      )) as { identity_cipher: string; anonymous: boolean; raw: string }[];
      expect(row!.anonymous).toBe(false);
      expect(row!.identity_cipher).toMatch(/^v1\.k1\./);
      expect(row!.raw).not.toContain(name);
      expect(row!.raw).not.toContain('13712345678');
    });

    it('appears in no outbox payload and no trace event', async () => {
      expect(await db.count('SELECT count(*) FROM outbox WHERE aggregate_id = $1', [id])).toBeGreaterThanOrEqual(2);
      expect(
        await db.count('SELECT count(*) FROM outbox WHERE payload::text LIKE $1 OR payload::text LIKE $2', [
          `%${name}%`,
          '%13712345678%',
        ]),
      ).toBe(0);
      expect(await db.count('SELECT count(*) FROM complaint_event WHERE payload::text LIKE $1', [`%${name}%`])).toBe(0);
    });

    it('is revealed only to the handling inspector, with the reveal recorded', async () => {
      await expect(
        db.handling.reveal(people.inspector(COUNTY), id, '需要联系举报人核实', db.key()),
      ).rejects.toMatchObject({ extensions: { code: 'NOT_HANDLER' } });
      expect(await db.handling.reveal(handler, id, '需要联系举报人核实', db.key())).toMatchObject({
        name,
        phone: '13712345678',
      });
      expect(
        await db.count('SELECT count(*) FROM identity_reveal WHERE complaint_id = $1 AND revealed_by = $2', [
          id,
          'inspector-handler',
        ]),
      ).toBe(1);
    });

    it('cannot be revealed for an anonymous complaint', async () => {
      const anonymous = await file(aComplaint().againstLeadershipOf(TOWNSHIP).build());
      await db.handling.accept(handler, anonymous.id, '受理', db.key());
      await expect(db.handling.reveal(handler, anonymous.id, '需要联系举报人核实', db.key())).rejects.toMatchObject({
        extensions: { code: 'NO_IDENTITY' },
      });
    });
  });

  describe('handling', () => {
    const handler = people.inspector(COUNTY, 'inspector-a');
    const colleague = people.inspector(COUNTY, 'inspector-b');
    let id: string;
    beforeAll(async () => {
      ({ id } = await file(aComplaint().againstLeadershipOf(TOWNSHIP).build()));
    });

    it('is accepted only by inspectors of the handling unit, and only once', async () => {
      await expect(db.handling.accept(people.inspector(CITY), id, '受理', db.key())).rejects.toMatchObject({
        extensions: { code: 'NOT_HANDLER' },
      });
      await expect(db.handling.accept(people.leader(COUNTY), id, '受理', db.key())).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      await db.handling.accept(handler, id, '受理', db.key());
      await expect(db.handling.accept(colleague, id, '受理', db.key())).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION' },
      });
    });

    it('is worked by the accepting inspector only; an extension needs another inspector, once', async () => {
      await expect(db.handling.investigate(colleague, id, '调查', db.key())).rejects.toMatchObject({
        extensions: { code: 'NOT_HANDLER' },
      });
      await db.handling.investigate(handler, id, '调查', db.key());
      await expect(db.handling.extend(handler, id, '案情复杂', db.key())).rejects.toMatchObject({
        extensions: { code: 'NOT_HANDLER' },
      });
      await db.handling.extend(colleague, id, '案情复杂', db.key());
      await expect(db.handling.extend(colleague, id, '案情复杂', db.key())).rejects.toMatchObject({
        extensions: { code: 'ALREADY_EXTENDED' },
      });
      expect(await db.count('SELECT extension_days AS count FROM complaint WHERE id = $1', [id])).toBe(30);
    });

    it('cannot go to the accused leadership on transfer', async () => {
      await expect(db.handling.transfer(handler, id, TOWNSHIP, '移交', db.key())).rejects.toMatchObject({
        extensions: { code: 'VALIDATION_FAILED', field: 'toUnit' },
      });
    });

    it('concludes, counting working days, and gives feedback; nothing moves after that', async () => {
      db.setNow(db.workingDaysAfter(MONDAY, 10));
      await db.handling.conclude(handler, id, Conclusion.PARTLY_SUBSTANTIATED, '部分属实，已责令整改', db.key());
      await expect(db.handling.giveFeedback(handler, id, 'x', db.key())).rejects.toMatchObject({
        extensions: { code: 'VALIDATION_FAILED', field: 'feedback' },
      });
      await db.handling.giveFeedback(handler, id, '已向举报人反馈', db.key());
      await expect(db.handling.investigate(handler, id, '再查', db.key())).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION' },
      });
      const [row] = (await db.ds.query(
        'SELECT status, conclusion, working_days_to_conclude FROM complaint WHERE id = $1',
        [id],
      )) as object[];
      expect(row).toEqual({
        status: 'FEEDBACK_GIVEN',
        conclusion: 'PARTLY_SUBSTANTIATED',
        working_days_to_conclude: 10,
      });
      const topics = (
        (await db.ds.query('SELECT topic FROM outbox WHERE aggregate_id = $1 ORDER BY id', [id])) as { topic: string }[]
      ).map((t) => t.topic);
      expect(topics).toEqual([
        'complaint.filed',
        'complaint.accept',
        'complaint.investigate',
        'complaint.extend',
        'complaint.conclude',
        'complaint.give_feedback',
      ]);
      expect(await complaintTrace.verify(db.ds.manager, id)).toEqual({ ok: true, events: 6 });
    });
  });
});
