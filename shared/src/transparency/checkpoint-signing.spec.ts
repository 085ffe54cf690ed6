import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCheckpointKeys } from './checkpoint-keys';
import { SigningKey } from './signing-key';
import { SupervisionWitness } from './supervision-witness';
import { checkpointBody, cosignatureBody, type CheckpointStatement, type TraceCheckpoint } from './trace-checkpoint';
import { verifyCheckpoint } from './verify-checkpoint';

const statement = (over: Partial<CheckpointStatement> = {}): CheckpointStatement => ({
  log: 'cases',
  id: 7,
  size: 3,
  rootHash: 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  issuedAt: new Date('2026-12-06T22:40:00.000Z'),
  ...over,
});

function published(log: SigningKey, witness: SupervisionWitness, s: CheckpointStatement): TraceCheckpoint {
  const signed = { ...s, logKeyId: log.id, signature: log.sign(checkpointBody(s)) };
  const cosigned = witness.countersign(signed);
  if (!cosigned.ok) throw new Error(cosigned.reason);
  return { ...signed, supervisionKeyId: witness.keyId, cosignature: cosigned.cosignature };
}

/** Flips one bit of a base64 signature. */
const flipped = (b64: string) => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[5] = bytes[5]! ^ 0x01;
  return bytes.toString('base64');
};

describe('checkpoint signatures', () => {
  const log = SigningKey.generate('cases-log');
  const supervision = SigningKey.generate('supervision');
  const pinned = { log: [log], supervision: [supervision] };

  it('signs the exact documented body', () => {
    expect(checkpointBody(statement())).toBe(
      'sunlight/trace-checkpoint/v1\nlog cases\nid 7\nsize 3\n' +
        'root aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77\ntime 2026-12-06T22:40:00.000Z\n',
    );
    expect(cosignatureBody(statement())).toBe(`sunlight/trace-cosignature/v1\n${checkpointBody(statement())}`);
  });

  it('verifies a signed and countersigned checkpoint with pinned public keys only', () => {
    const c = published(log, new SupervisionWitness(supervision, [log]), statement());
    const verifier = {
      log: [SigningKey.publicOnly('cases-log', log.publicKeyBase64)],
      supervision: [SigningKey.publicOnly('supervision', supervision.publicKeyBase64)],
    };
    expect(verifyCheckpoint(c, verifier)).toEqual({ ok: true });
    expect(() => verifier.log[0]!.sign('x')).toThrow(/public only/);
  });

  it('rejects a tampered signature, a tampered countersignature and any changed field', () => {
    const c = published(log, new SupervisionWitness(supervision, [log]), statement());
    expect(verifyCheckpoint({ ...c, signature: flipped(c.signature) }, pinned)).toEqual({
      ok: false,
      fault: 'BAD_SIGNATURE',
    });
    expect(verifyCheckpoint({ ...c, cosignature: flipped(c.cosignature) }, pinned)).toEqual({
      ok: false,
      fault: 'BAD_COSIGNATURE',
    });
    for (const change of [{ size: 2 }, { id: 6 }, { rootHash: '0'.repeat(64) }, { issuedAt: new Date(0) }])
      expect(verifyCheckpoint({ ...c, ...change }, pinned)).toEqual({ ok: false, fault: 'BAD_SIGNATURE' });
    expect(verifyCheckpoint({ ...c, log: 'complaints' }, pinned)).toEqual({ ok: false, fault: 'BAD_SIGNATURE' });
  });

  it('rejects signatures by keys it does not pin, and a signature moved from one role to the other', () => {
    const c = published(log, new SupervisionWitness(supervision, [log]), statement());
    const other = SigningKey.generate('cases-log');
    expect(verifyCheckpoint(c, { log: [other], supervision: [supervision] })).toEqual({
      ok: false,
      fault: 'UNKNOWN_LOG_KEY',
    });
    expect(verifyCheckpoint(c, { log: [log], supervision: [other] })).toEqual({
      ok: false,
      fault: 'UNKNOWN_SUPERVISION_KEY',
    });
    // The log key's own signature presented as a countersignature by the same key: the bodies differ.
    const sameKey = { ...c, supervisionKeyId: log.id, cosignature: c.signature };
    expect(verifyCheckpoint(sameKey, { log: [log], supervision: [log] })).toEqual({
      ok: false,
      fault: 'BAD_COSIGNATURE',
    });
  });

  it('has the witness refuse a bad log signature, an unknown log key and a checkpoint not newer than its last', () => {
    const witness = new SupervisionWitness(supervision, [log]);
    const signed = (s: CheckpointStatement, key = log) => ({
      ...s,
      logKeyId: key.id,
      signature: key.sign(checkpointBody(s)),
    });
    expect(witness.countersign({ ...signed(statement()), signature: flipped(signed(statement()).signature) })).toEqual({
      ok: false,
      reason: 'BAD_LOG_SIGNATURE',
    });
    expect(witness.countersign(signed(statement(), SigningKey.generate('rogue')))).toEqual({
      ok: false,
      reason: 'BAD_LOG_SIGNATURE',
    });
    expect(witness.countersign(signed(statement())).ok).toBe(true);
    expect(witness.countersign(signed(statement({ rootHash: 'f'.repeat(64) })))).toEqual({
      ok: false,
      reason: 'NOT_NEWER',
    });
    expect(witness.countersign(signed(statement({ id: 8, issuedAt: new Date('2026-12-06T22:39:00Z') })))).toEqual({
      ok: false,
      reason: 'NOT_NEWER',
    });
    expect(witness.countersign(signed(statement({ id: 8, issuedAt: new Date('2026-12-06T22:41:00Z') }))).ok).toBe(true);
    // Logs are tracked apart: complaints' first checkpoint is newer than nothing.
    expect(witness.countersign(signed(statement({ log: 'complaints', id: 1 }))).ok).toBe(true);
  });
});

describe('SupervisionWitness with a state file', () => {
  it('remembers its last countersigned checkpoint per log across restarts, outside the database', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-witness-'));
    try {
      const log = SigningKey.generate('cases-log');
      const supervision = SigningKey.generate('supervision');
      const witness = () => new SupervisionWitness(supervision, [log], (name) => path.join(dir, `${name}.json`));
      const signed = (s: CheckpointStatement) => ({ ...s, logKeyId: log.id, signature: log.sign(checkpointBody(s)) });
      expect(witness().lastCosigned('cases')).toBeNull();
      expect(witness().countersign(signed(statement({ id: 3 }))).ok).toBe(true);
      const restarted = witness();
      expect(restarted.lastCosigned('cases')).toEqual({ id: 3, issuedAt: '2026-12-06T22:40:00.000Z' });
      expect(restarted.countersign(signed(statement({ id: 1 })))).toEqual({ ok: false, reason: 'NOT_NEWER' });
      expect(restarted.countersign(signed(statement({ id: 4 }))).ok).toBe(true);
      expect(witness().lastCosigned('complaints')).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loadCheckpointKeys', () => {
  it('creates separate Ed25519 key files under DATA_DIR/keys (mode 0600) once, and reuses them', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-keys-'));
    try {
      const first = loadCheckpointKeys(dataDir, 'cases');
      const again = loadCheckpointKeys(dataDir, 'cases');
      const complaints = loadCheckpointKeys(dataDir, 'complaints');
      expect(fs.readdirSync(path.join(dataDir, 'keys')).sort()).toEqual([
        'cases-log.ed25519.pem',
        'complaints-log.ed25519.pem',
        'supervision.ed25519.pem',
      ]);
      expect(fs.statSync(path.join(dataDir, 'keys', 'cases-log.ed25519.pem')).mode & 0o777).toBe(0o600);
      expect(again.log.id).toBe(first.log.id);
      expect(first.log.id).not.toBe(first.supervision.id);
      expect(complaints.log.id).not.toBe(first.log.id);
      expect(complaints.supervision.id).toBe(first.supervision.id);
      expect(again.log.verify('x', first.log.sign('x'))).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
