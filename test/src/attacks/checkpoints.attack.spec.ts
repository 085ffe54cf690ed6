import {
  Role,
  SigningKey,
  traceHeadLeafHash,
  verifyCheckpoint,
  verifyInclusion,
  type TraceCheckpoint,
  type TraceLogName,
} from '@sunlight/shared';
import { Client } from 'pg';
import { ADVANCE_CASE, attachment, fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const VILLAGE = '139901001001';
const TOWNSHIP = '139901001000';

const CHECKPOINT_FIELDS =
  'log id treeSize rootHash issuedAt signedBody logKeyId logPublicKey signature supervisionKeyId supervisionPublicKey cosignature';
const PROOF_FIELDS = `leafIndex leaf length headHash auditPath checkpoint { ${CHECKPOINT_FIELDS} }`;

interface CheckpointView {
  log: TraceLogName;
  id: number;
  treeSize: number;
  rootHash: string;
  issuedAt: string;
  signedBody: string;
  logKeyId: string;
  logPublicKey: string;
  signature: string;
  supervisionKeyId: string;
  supervisionPublicKey: string;
  cosignature: string;
}
interface ProofView {
  leafIndex: number;
  leaf: string;
  length: number;
  headHash: string;
  auditPath: string[];
  checkpoint: CheckpointView;
}

/**
 * Issue 12, item 9 (finding 8): a database superuser deletes a case's last trace events and rolls
 * its row back. Before, verifyCaseTrace answered ok: nothing outside the database remembered the
 * head. Now every service publishes signed, countersigned checkpoints of its chain heads, and the
 * verification holds the chain to the latest one.
 */
describe('attack: truncating a case trace behind the application', () => {
  let stack: Stack;
  let db: Client;

  beforeAll(async () => {
    // A checkpoint every 300 ms here (60 s by default, off in other test stacks); the keys live outside the database.
    stack = await startStack({ checkpointIntervalMs: 300 });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await stack.stop();
  });

  /** The pinned keys: only the public halves, as an auditor given them out of band would hold them. */
  const pinned = (log: TraceLogName) => {
    const keys = (log === 'cases' ? stack.cases : stack.complaints).config().checkpoints.keys;
    return {
      log: [SigningKey.publicOnly(`${log}-log`, keys.log.publicKeyBase64)],
      supervision: [SigningKey.publicOnly('supervision', keys.supervision.publicKeyBase64)],
    };
  };
  const asCheckpoint = (v: CheckpointView): TraceCheckpoint => ({
    log: v.log,
    id: v.id,
    size: v.treeSize,
    rootHash: v.rootHash,
    issuedAt: new Date(v.issuedAt),
    logKeyId: v.logKeyId,
    signature: v.signature,
    supervisionKeyId: v.supervisionKeyId,
    cosignature: v.cosignature,
  });
  /** What any client can check with the proof and the pinned keys alone. */
  const proofHolds = (p: ProofView, log: TraceLogName) => {
    const [ownerId, length, headHash] = p.leaf.split(' ');
    const c = asCheckpoint(p.checkpoint);
    return (
      verifyCheckpoint(c, pinned(log)).ok &&
      Number(length) === p.length &&
      headHash === p.headHash &&
      verifyInclusion({
        leafHash: traceHeadLeafHash({ ownerId: ownerId!, length: p.length, headHash: p.headHash }),
        index: p.leafIndex,
        size: c.size,
        proof: p.auditPath.map((h) => Buffer.from(h, 'hex')),
        root: Buffer.from(c.rootHash, 'hex'),
      })
    );
  };
  const latest = async (field: 'caseTraceCheckpoint' | 'complaintTraceCheckpoint') =>
    (await stack.gql<Record<string, CheckpointView | null>>(`{ ${field} { ${CHECKPOINT_FIELDS} } }`)).data?.[field] ??
    null;
  /** Waits until the latest checkpoint holds the case's head at `length` (the job runs every 300 ms). */
  const coveredAt = async (caseId: string, length: number, token: string) => {
    for (let i = 0; i < 100; i++) {
      const res = await stack.gql<{ caseTraceProof: ProofView | null }>(
        `{ caseTraceProof(caseId: "${caseId}") { ${PROOF_FIELDS} } }`,
        { token },
      );
      expect(res.errors).toBeUndefined();
      const proof = res.data!.caseTraceProof;
      if (proof?.length === length) return proof;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no checkpoint holds case ${caseId} at length ${length}`);
  };
  const verify = async (caseId: string, token: string) =>
    (
      await stack.gql<{
        verifyCaseTrace: { ok: boolean; events: number; brokenAtSeq: number | null; reason: string | null };
      }>(`{ verifyCaseTrace(caseId: "${caseId}") { ok events brokenAtSeq reason } }`, { token })
    ).data!.verifyCaseTrace;
  const advance = async (caseId: string, key: string, withLicence = false) => {
    const res = await stack.gql(ADVANCE_CASE, {
      token: await stack.tokenFor(Role.CLERK, VILLAGE),
      variables: {
        key,
        input: { caseId, result: '审查通过', ...(withLicence ? { attachments: [attachment('营业执照')] } : {}) },
      },
    });
    expect(res.errors).toBeUndefined();
  };

  it('publishes signed, countersigned checkpoints with real time, and none while nothing changes', async () => {
    const power = await publishTestPower(stack, { unit: VILLAGE, code: 'CKPT-0' });
    const filed = (await fileCase(stack, VILLAGE, power, 'ckpt-file-0')).data!.fileCase;
    const covering = await coveredAt(filed.case.id, 1, await stack.tokenFor(Role.LEADER, VILLAGE));
    const first = covering.checkpoint;
    expect(verifyCheckpoint(asCheckpoint(first), pinned('cases'))).toEqual({ ok: true });
    expect(first.logKeyId).not.toBe(first.supervisionKeyId);
    expect(Math.abs(new Date(first.issuedAt).getTime() - Date.now())).toBeLessThan(60_000);
    // Nothing moves: a second later (three runs of the job) the latest checkpoint is the same one.
    const settled = (await latest('caseTraceCheckpoint'))!;
    await new Promise((r) => setTimeout(r, 1000));
    expect((await latest('caseTraceCheckpoint'))!.id).toBe(settled.id);

    // The public proof through the progress lookup verifies with the pinned keys alone.
    const progress = await stack.gql<{ caseProgress: { traceProof: ProofView | null } }>(
      `query($n: String!, $c: String!) { caseProgress(number: $n, queryCode: $c) { traceProof { ${PROOF_FIELDS} } } }`,
      { variables: { n: filed.case.number, c: filed.queryCode } },
    );
    expect(progress.errors).toBeUndefined();
    const proof = progress.data!.caseProgress.traceProof!;
    expect(proof.leaf.startsWith(`${filed.case.id} 1 `)).toBe(true);
    expect(proofHolds(proof, 'cases')).toBe(true);
    // A forged signature fails the same check.
    const forged = Buffer.from(proof.checkpoint.signature, 'base64');
    forged[0] = forged[0]! ^ 0x01;
    expect(
      proofHolds({ ...proof, checkpoint: { ...proof.checkpoint, signature: forged.toString('base64') } }, 'cases'),
    ).toBe(false);
  });

  it('verifies a case advanced honestly after the checkpoint', async () => {
    const power = await publishTestPower(stack, { unit: VILLAGE, code: 'CKPT-1' });
    const caseId = (await fileCase(stack, VILLAGE, power, 'ckpt-file-1')).data!.fileCase.case.id;
    const leader = await stack.tokenFor(Role.LEADER, VILLAGE);
    await coveredAt(caseId, 1, leader);
    await advance(caseId, 'ckpt-adv-1a', true);
    expect(await verify(caseId, leader)).toEqual({ ok: true, events: 2, brokenAtSeq: null, reason: null });
  });

  it('catches the truncated tail and the rolled-back case row once a checkpoint predates them', async () => {
    const power = await publishTestPower(stack, { unit: VILLAGE, code: 'CKPT-2' });
    const caseId = (await fileCase(stack, VILLAGE, power, 'ckpt-file-2')).data!.fileCase.case.id;
    await advance(caseId, 'ckpt-adv-2a', true);
    await advance(caseId, 'ckpt-adv-2b');
    const leader = await stack.tokenFor(Role.LEADER, VILLAGE);
    expect(await verify(caseId, leader)).toEqual({ ok: true, events: 3, brokenAtSeq: null, reason: null });
    const proof = await coveredAt(caseId, 3, leader);
    expect(proofHolds(proof, 'cases')).toBe(true);

    // The attack, as the database superuser: guard off, last two events gone, the row rolled back.
    await db.query('BEGIN');
    await db.query("SET LOCAL session_replication_role = 'replica'");
    await db.query('DELETE FROM cases.case_event WHERE case_id = $1 AND seq > 1', [caseId]);
    await db.query(
      `UPDATE cases."case" SET last_seq = 1, last_hash = (SELECT hash FROM cases.case_event WHERE case_id = $1 AND seq = 1)
        WHERE id = $1`,
      [caseId],
    );
    await db.query('COMMIT');

    expect(await verify(caseId, leader)).toEqual({
      ok: false,
      events: 1,
      brokenAtSeq: 2,
      reason: 'TRUNCATED_SINCE_CHECKPOINT',
    });
    // The job will not launder it: no checkpoint over the rewritten chain, so the finding stands.
    const stuck = (await latest('caseTraceCheckpoint'))!.id;
    await fileCase(stack, VILLAGE, power, 'ckpt-file-3');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await latest('caseTraceCheckpoint'))!.id).toBe(stuck);
    expect(await verify(caseId, leader)).toMatchObject({ ok: false, reason: 'TRUNCATED_SINCE_CHECKPOINT' });
  });

  it("publishes the complaints' checkpoints too, with a proof for the complainant by follow-up code", async () => {
    const filed = await stack.gql<{ fileComplaint: { number: string; followUpCode: string } }>(
      'mutation($i: FileComplaintInput!, $k: String!) { fileComplaint(input: $i, idempotencyKey: $k) { number followUpCode } }',
      {
        variables: {
          k: 'ckpt-complaint-1',
          i: {
            channel: 'WEB',
            category: 'ASKING_FAVOURS',
            accused: { kind: 'LEADERSHIP', unitCode: TOWNSHIP },
            description: '镇领导在审批中要求请客送礼。',
          },
        },
      },
    );
    expect(filed.errors).toBeUndefined();
    const { number, followUpCode } = filed.data!.fileComplaint;
    let proof: ProofView | null = null;
    for (let i = 0; i < 100 && !proof; i++) {
      const res = await stack.gql<{ complaintProgress: { traceProof: ProofView | null } }>(
        `query($n: String!, $c: String!) { complaintProgress(number: $n, followUpCode: $c) { traceProof { ${PROOF_FIELDS} } } }`,
        { variables: { n: number, c: followUpCode } },
      );
      expect(res.errors).toBeUndefined();
      proof = res.data!.complaintProgress.traceProof;
      if (!proof) await new Promise((r) => setTimeout(r, 100));
    }
    expect(proof).not.toBeNull();
    expect(proof!.checkpoint.log).toBe('complaints');
    expect(proofHolds(proof!, 'complaints')).toBe(true);
    expect(proof!.checkpoint.supervisionPublicKey).toBe((await latest('caseTraceCheckpoint'))!.supervisionPublicKey);
    expect(proof!.checkpoint.logPublicKey).not.toBe((await latest('caseTraceCheckpoint'))!.logPublicKey);
  });
});
