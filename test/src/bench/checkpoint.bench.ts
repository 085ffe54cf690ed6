import { randomBytes, randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  checkpointBody,
  cosignatureBody,
  MerkleTree,
  SigningKey,
  traceHeadLeafHash,
  verifyInclusion,
  type TraceHead,
} from '@sunlight/shared';

/**
 * `node test/dist/bench/checkpoint.bench.js` (after `npm run -s build`): the cost of one checkpoint
 * over a synthetic log of CHECKPOINT_LEAVES chain heads (default 1,000,000), in memory: leaf
 * hashes, the RFC 6962 tree and its root, the Ed25519 signature and countersignature, and one
 * inclusion proof with its verification, then the tree again in slices as the service builds it,
 * with the longest event-loop stall. Prints milliseconds per phase; no database involved.
 */
const LEAVES = Number(process.env['CHECKPOINT_LEAVES'] ?? 1_000_000);

/** Runs `f`, printing its wall-clock and CPU milliseconds (CPU time is the fairer figure on a shared machine). */
function time<T>(label: string, f: () => T): T {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = f();
  const used = process.cpuUsage(cpu);
  const wallMs = Number(process.hrtime.bigint() - wall) / 1e6;
  const cpuMs = (used.user + used.system) / 1000;
  process.stdout.write(
    `${label.padEnd(36)} ${wallMs.toFixed(1).padStart(9)} ms wall ${cpuMs.toFixed(1).padStart(9)} ms cpu\n`,
  );
  return result;
}

async function main(): Promise<void> {
  process.stdout.write(`checkpoint over ${LEAVES.toLocaleString('en')} chain heads\n`);
  const heads: TraceHead[] = time('generate heads (not counted)', () =>
    Array.from({ length: LEAVES }, () => ({
      ownerId: randomUUID(),
      length: 1 + Math.floor(Math.random() * 12),
      headHash: randomBytes(32).toString('hex'),
    })),
  );
  const log = SigningKey.generate('cases-log');
  const supervision = SigningKey.generate('supervision');
  time('sort by owner id (not counted)', () =>
    heads.sort((a, b) => (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0)),
  );
  const { leafHashes, tree, root } = time('checkpoint (leaves, tree, signatures)', () => {
    const leafHashes = time('  leaf hashes (SHA-256 0x00||leaf)', () => heads.map(traceHeadLeafHash));
    const tree = time('  tree and root (SHA-256 0x01||l||r)', () => MerkleTree.fromLeafHashes(leafHashes));
    const root = tree.root().toString('hex');
    const statement = { log: 'cases' as const, id: 1, size: tree.size, rootHash: root, issuedAt: new Date() };
    time('  sign and countersign (Ed25519)', () => {
      log.sign(checkpointBody(statement));
      supervision.sign(cosignatureBody(statement));
    });
    return { leafHashes, tree, root };
  });
  const index = Math.floor(LEAVES * 0.7);
  const proof = time('inclusion proof of one leaf', () => tree.inclusionProof(index));
  const ok = time('verify it (RFC 9162 2.1.3.2)', () =>
    verifyInclusion({ leafHash: leafHashes[index]!, index, size: tree.size, proof, root: tree.root() }),
  );
  process.stdout.write(
    `root ${root}, proof of ${proof.length} hashes ${ok ? 'verifies' : 'FAILS'}; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB\n`,
  );
  if (!ok) process.exit(1);

  // As the service builds it: in slices, the event loop free between them. Its longest stall is
  // what a request waiting on the service may wait for.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const wall = process.hrtime.bigint();
  const sliced = await MerkleTree.fromLeafHashesInSlices(leafHashes);
  delay.disable();
  process.stdout.write(
    `tree in slices: ${(Number(process.hrtime.bigint() - wall) / 1e6).toFixed(0)} ms wall, same root: ${
      sliced.root().toString('hex') === root
    }, longest event-loop stall ${(delay.max / 1e6).toFixed(1)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms)\n`,
  );
}

void main();
