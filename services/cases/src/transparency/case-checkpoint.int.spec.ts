import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  checkpointBody,
  SigningKey,
  SupervisionWitness,
  TraceCheckpointLog,
  verifyCheckpoint,
  verifyInclusion,
} from '@sunlight/shared';
import { inclusionClaim } from '@sunlight/shared/testing';
import { CaseOutcome } from '../case/case.input';
import { aFiling, anAttachment } from '../testing/case-input.builder';
import { openCasesDatabase, type CasesDatabase } from '../testing/cases-database';
import { aReviewFlow } from '../testing/review-flow';
import { CASE_TRACE_TABLES, caseTrace } from '../trace/case-trace';

const COUNTY = '139901000000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('signed checkpoints of the case trace on PostgreSQL', () => {
  let db: CasesDatabase;
  const { filer, reviewer, leader, power } = aReviewFlow(COUNTY);

  beforeAll(async () => {
    db = await openCasesDatabase(MONDAY, power);
  });
  afterAll(() => db.close());

  const file = async () => (await db.filing.file(filer, aFiling(power.id).build(), db.key())).caseId;
  const advance = (caseId: string) =>
    db.transitions.advance(filer, { caseId, result: '材料齐全', attachments: [anAttachment('营业执照')] }, db.key());
  const advanceReview = (caseId: string) => db.transitions.advance(reviewer, { caseId, result: '审查通过' }, db.key());
  const checkpointCount = async () => db.count('SELECT count(*) FROM trace_checkpoint');
  /** What a database superuser can do: switch the append-only guard off, drop the tail, roll the head back. */
  const truncate = async (caseId: string, keep: number) =>
    db.ds.transaction(async (em) => {
      await em.query("SET LOCAL session_replication_role = 'replica'");
      await em.query('DELETE FROM case_event WHERE case_id = $1 AND seq > $2', [caseId, keep]);
      await em.query(
        `UPDATE "case" SET last_seq = $2, last_hash = (SELECT hash FROM case_event WHERE case_id = $1 AND seq = $2)
          WHERE id = $1`,
        [caseId, keep],
      );
    });
  /** The same log as a freshly started process sees it: same keys, nothing in memory. */
  const freshLog = () => {
    const keys = db.config.checkpoints.keys;
    return new TraceCheckpointLog(db.ds, {
      log: 'cases',
      ...CASE_TRACE_TABLES,
      keys,
      witness: new SupervisionWitness(keys.supervision, [keys.log]),
    });
  };

  it('publishes a checkpoint over every case head, signed and countersigned, and none while nothing moves', async () => {
    const first = await file();
    const second = await file();
    await advance(first);
    const before = Date.now();
    expect(await db.checkpointJob.runOnce()).toBe(1);
    const latest = (await db.config.checkpoints.latest())!;
    expect(latest).toMatchObject({ log: 'cases', id: 1, size: 2 });
    expect(latest.issuedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(latest.issuedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    const keys = db.config.checkpoints.keys;
    const verifier = {
      log: [SigningKey.publicOnly('cases-log', keys.log.publicKeyBase64)],
      supervision: [SigningKey.publicOnly('supervision', keys.supervision.publicKeyBase64)],
    };
    expect(verifyCheckpoint(latest, verifier)).toEqual({ ok: true });
    expect(keys.log.verify(checkpointBody(latest), latest.signature)).toBe(true);
    expect(latest.logKeyId).not.toBe(latest.supervisionKeyId);

    expect(await db.checkpointJob.runOnce()).toBeNull();
    expect(await checkpointCount()).toBe(1);

    for (const id of [first, second]) {
      const proof = (await db.config.checkpoints.inclusion(id))!;
      const [head]: { last_seq: number; last_hash: string }[] = await db.ds.query(
        'SELECT last_seq, last_hash FROM "case" WHERE id = $1',
        [id],
      );
      expect(proof.head).toEqual({ ownerId: id, length: head!.last_seq, headHash: head!.last_hash });
      expect(verifyInclusion(inclusionClaim(proof, latest))).toBe(true);
    }
    await advanceReview(first);
    expect(await db.checkpointJob.runOnce()).toBe(2);
  });

  it('still verifies a case that changed honestly after the checkpoint (the checkpointed head is a prefix)', async () => {
    const caseId = await file();
    await advance(caseId);
    await db.checkpointJob.runOnce();
    await advanceReview(caseId);
    expect(await db.reads().verifyTrace(leader, caseId)).toEqual({ ok: true, events: 3 });
    expect(await db.checkpointJob.runOnce()).not.toBeNull();
    expect(await db.reads().verifyTrace(leader, caseId)).toEqual({ ok: true, events: 3 });
  });

  it('catches a truncated tail with a rolled-back case row, and refuses to checkpoint over it', async () => {
    const caseId = await file();
    await advance(caseId);
    await advanceReview(caseId);
    const published = await db.checkpointJob.runOnce();
    expect(published).not.toBeNull();
    expect(await db.reads().verifyTrace(leader, caseId)).toEqual({ ok: true, events: 3 });

    await truncate(caseId, 1);
    // The chain alone cannot tell: what is left is whole and the row agrees with it.
    expect(await caseTrace.verify(db.ds.manager, caseId)).toEqual({ ok: true, events: 1 });
    expect(await db.reads().verifyTrace(leader, caseId)).toEqual({
      ok: false,
      brokenAtSeq: 2,
      reason: 'TRUNCATED_SINCE_CHECKPOINT',
    });
    expect(await freshLog().check(caseId)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'TRUNCATED_SINCE_CHECKPOINT' });

    const count = await checkpointCount();
    expect(await db.checkpointJob.runOnce()).toBeNull();
    expect(await checkpointCount()).toBe(count);
    await expect(db.config.checkpoints.publish()).rejects.toMatchObject({
      reason: 'CHAINS_REWRITTEN',
      owners: [caseId],
    });
    // Appending to the truncated chain does not hide it either: its seq 3 is not the checkpointed head.
    await db.transitions.complete(leader, { caseId, outcome: CaseOutcome.APPROVED, result: '准予' }, db.key());
    expect(await db.reads().verifyTrace(leader, caseId)).toEqual({
      ok: false,
      brokenAtSeq: 3,
      reason: 'TRUNCATED_SINCE_CHECKPOINT',
    });
  });

  it('catches stored leaves, signatures and checkpoint rows changed behind the log', async () => {
    // A fresh database: the previous test left a case that blocks every later checkpoint.
    const own = await openCasesDatabase(MONDAY);
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-witness-'));
    try {
      own.powers.publish(power);
      const caseId = (await own.filing.file(filer, aFiling(power.id).build(), own.key())).caseId;
      const asSuperuser = (sql: string, params: unknown[] = []) =>
        own.ds.transaction(async (em) => {
          await em.query("SET LOCAL session_replication_role = 'replica'");
          await em.query(sql, params);
        });
      // Each fresh() is the log as a newly started process sees it: same keys, nothing in memory, and
      // a witness that keeps its record in a file outside the database (as startTraceCheckpoints does).
      const keys = own.config.checkpoints.keys;
      const fresh = () =>
        new TraceCheckpointLog(own.ds, {
          log: 'cases',
          ...CASE_TRACE_TABLES,
          keys,
          witness: new SupervisionWitness(keys.supervision, [keys.log], (log) => path.join(stateDir, `${log}.json`)),
        });
      expect(await fresh().publish()).toMatchObject({ id: 1, size: 1 });
      expect(await fresh().check(caseId)).toEqual({ ok: true, checkpointId: 1 });
      expect(await own.config.checkpoints.check(caseId)).toEqual({ ok: true, checkpointId: 1 });

      // A rewritten leaf no longer rebuilds the signed root.
      await own.ds.query('UPDATE trace_checkpoint_leaf SET length = length + 1');
      expect(await fresh().check(caseId)).toEqual({ ok: false, brokenAtSeq: 1, reason: 'CHECKPOINT_LEAVES_TAMPERED' });
      // The process that built the tree keeps the tree it verified.
      expect(await own.config.checkpoints.check(caseId)).toEqual({ ok: true, checkpointId: 1 });
      await expect(fresh().publish()).rejects.toMatchObject({ reason: 'LEAVES_TAMPERED' });
      await own.ds.query('UPDATE trace_checkpoint_leaf SET length = length - 1');

      // A forged signature (one bit flipped) is refused.
      const [row]: { signature: string }[] = await own.ds.query('SELECT signature FROM trace_checkpoint WHERE id = 1');
      const forged = Buffer.from(row!.signature, 'base64');
      forged[0] = forged[0]! ^ 0x01;
      // Published checkpoints are append-only: the guard refuses, so the attacker switches it off.
      await expect(own.ds.query('UPDATE trace_checkpoint SET size = 0')).rejects.toThrow(/append-only/);
      await expect(own.ds.query('DELETE FROM trace_checkpoint')).rejects.toThrow(/append-only/);
      await asSuperuser('UPDATE trace_checkpoint SET signature = $1 WHERE id = 1', [forged.toString('base64')]);
      expect(await fresh().check(caseId)).toEqual({
        ok: false,
        brokenAtSeq: 1,
        reason: 'CHECKPOINT_SIGNATURE_INVALID',
      });
      await expect(fresh().publish()).rejects.toMatchObject({ reason: 'LATEST_CHECKPOINT_INVALID' });

      // Deleting the checkpoints does not make the running service forget it published one.
      await asSuperuser('DELETE FROM trace_checkpoint');
      expect(await own.config.checkpoints.check(caseId)).toEqual({
        ok: false,
        brokenAtSeq: 1,
        reason: 'CHECKPOINT_MISSING',
      });
      // Nor does a restarted one, whose witness kept its record outside the database.
      expect(await fresh().check(caseId)).toEqual({ ok: false, brokenAtSeq: 1, reason: 'CHECKPOINT_MISSING' });
      // And the witness will not countersign a log restarted from id 1 over the deleted history.
      await expect(fresh().publish()).rejects.toMatchObject({ reason: 'WITNESS_REFUSED' });
      // A database created anew (as the city generator recreates its own) is a new history to the witness.
      const other = await openCasesDatabase(MONDAY);
      try {
        const log = new TraceCheckpointLog(other.ds, {
          log: 'cases',
          ...CASE_TRACE_TABLES,
          keys,
          witness: new SupervisionWitness(keys.supervision, [keys.log], (l) => path.join(stateDir, `${l}.json`)),
        });
        expect(await log.publish()).toMatchObject({ id: 1, size: 0 });
        expect(fs.readdirSync(stateDir)).toHaveLength(2);
      } finally {
        await other.close();
      }
    } finally {
      await own.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
