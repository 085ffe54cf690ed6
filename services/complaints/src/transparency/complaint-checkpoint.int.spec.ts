import { verifyCheckpoint, verifyInclusion } from '@sunlight/shared';
import { inclusionClaim } from '@sunlight/shared/testing';
import { complaintTrace } from '../complaint/complaint-trace';
import { aComplaint } from '../testing/complaint-input.builder';
import { openComplaintsDatabase, people, type ComplaintsDatabase } from '../testing/complaints-database';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('signed checkpoints of the complaint trace on PostgreSQL', () => {
  let db: ComplaintsDatabase;
  beforeAll(async () => {
    db = await openComplaintsDatabase(MONDAY);
  });
  afterAll(() => db.close());

  const handler = people.inspector(COUNTY, 'inspector-handler');
  const file = async () => {
    const filed = await db.filing.file(people.citizen(), aComplaint().againstLeadershipOf(TOWNSHIP).build(), db.key());
    const [row] = (await db.ds.query('SELECT id FROM complaint WHERE number = $1', [filed.number])) as { id: string }[];
    return row!.id;
  };
  const head = async (id: string) =>
    ((await db.ds.query('SELECT last_seq FROM complaint WHERE id = $1', [id])) as { last_seq: number }[])[0]!.last_seq;

  it('publishes over every complaint head, proves a head, and catches a truncated tail after it', async () => {
    const log = db.config.checkpoints;
    const id = await file();
    await db.handling.accept(handler, id, '受理', db.key());
    const length = await head(id);
    const published = (await log.publish())!;
    expect(published).toMatchObject({ log: 'complaints', id: 1, size: 1 });
    expect(verifyCheckpoint(published, { log: [log.keys.log], supervision: [log.keys.supervision] })).toEqual({
      ok: true,
    });
    expect(await log.publish()).toBeNull();

    const proof = (await log.inclusion(id))!;
    expect(proof.head.length).toBe(length);
    expect(verifyInclusion(inclusionClaim(proof, published))).toBe(true);
    expect(await log.check(id)).toEqual({ ok: true, checkpointId: 1 });

    // As the database superuser: the guard off, the last event gone, the row rolled back.
    await db.ds.transaction(async (em) => {
      await em.query("SET LOCAL session_replication_role = 'replica'");
      await em.query('DELETE FROM complaint_event WHERE complaint_id = $1 AND seq = $2', [id, length]);
      await em.query(
        `UPDATE complaint SET last_seq = $2 - 1,
                last_hash = (SELECT hash FROM complaint_event WHERE complaint_id = $1 AND seq = $2 - 1)
          WHERE id = $1`,
        [id, length],
      );
    });
    expect(await complaintTrace.verify(db.ds.manager, id)).toEqual({ ok: true, events: length - 1 });
    expect(await log.check(id)).toEqual({ ok: false, brokenAtSeq: length, reason: 'TRUNCATED_SINCE_CHECKPOINT' });
    await expect(log.publish()).rejects.toMatchObject({ reason: 'CHAINS_REWRITTEN', owners: [id] });
  });
});
