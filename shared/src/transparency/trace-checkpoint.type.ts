import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { CheckpointKeys } from './checkpoint-keys';
import { checkpointBody, type TraceCheckpoint } from './trace-checkpoint';
import type { TraceInclusion } from './trace-checkpoint-log';
import { traceHeadLeaf } from './trace-head-leaf';

/** A published checkpoint as the API shows it. Shareable: cases and complaints both publish one. */
@Directive('@shareable')
@ObjectType('TraceCheckpoint', {
  description:
    'A signed checkpoint (签名检查点) of a trace log: the Merkle root (RFC 6962) over the head of every chain, ' +
    'signed by the log key and countersigned by the supervision key (Ed25519).',
})
export class TraceCheckpointObject {
  @Field({ description: 'The log: cases or complaints.' })
  log: string;

  @Field(() => Int, { description: "The checkpoint's number in its log." })
  id: number;

  @Field(() => Int, { description: 'Leaves: chains covered.' })
  treeSize: number;

  @Field({ description: 'Merkle tree hash, hex.' })
  rootHash: string;

  @Field({ description: 'When it was made (real time).' })
  issuedAt: Date;

  @Field({ description: 'The exact text the log key signed (UTF-8).' })
  signedBody: string;

  @Field()
  logKeyId: string;

  @Field({ description: "The log key's Ed25519 public key (32 bytes, base64); pin it out of band." })
  logPublicKey: string;

  @Field({ description: 'Ed25519 signature of signedBody, base64.' })
  signature: string;

  @Field()
  supervisionKeyId: string;

  @Field({ description: "The supervision key's Ed25519 public key (32 bytes, base64); pin it out of band." })
  supervisionPublicKey: string;

  @Field({
    description: 'Ed25519 countersignature, base64, of "sunlight/trace-cosignature/v1\\n" followed by signedBody.',
  })
  cosignature: string;

  /** Builds the API view of `c`; `keys` supply the public halves. */
  static of(c: TraceCheckpoint, keys: CheckpointKeys): TraceCheckpointObject {
    return Object.assign(new TraceCheckpointObject(), {
      log: c.log,
      id: c.id,
      treeSize: c.size,
      rootHash: c.rootHash,
      issuedAt: c.issuedAt,
      signedBody: checkpointBody(c),
      logKeyId: c.logKeyId,
      logPublicKey: keys.log.publicKeyBase64,
      signature: c.signature,
      supervisionKeyId: c.supervisionKeyId,
      supervisionPublicKey: keys.supervision.publicKeyBase64,
      cosignature: c.cosignature,
    });
  }
}

/** An inclusion proof of one chain's head in a checkpoint. */
@Directive('@shareable')
@ObjectType('TraceInclusionProof', {
  description:
    "Proof that a chain's head is a leaf of a signed checkpoint: leaf hash = SHA-256(0x00 || leaf), " +
    'verified up the audit path as RFC 9162 §2.1.3.2 prescribes.',
})
export class TraceInclusionProofObject {
  @Field(() => TraceCheckpointObject)
  checkpoint: TraceCheckpointObject;

  @Field(() => Int)
  leafIndex: number;

  @Field({ description: 'The leaf data: "<id> <length> <headHash>".' })
  leaf: string;

  @Field(() => Int, { description: "The chain's length at the checkpoint." })
  length: number;

  @Field({ description: "The chain's last hash at the checkpoint." })
  headHash: string;

  @Field(() => [String], { description: 'Sibling hashes from the leaf up, hex.' })
  auditPath: string[];

  static of(p: TraceInclusion, keys: CheckpointKeys): TraceInclusionProofObject {
    return Object.assign(new TraceInclusionProofObject(), {
      checkpoint: TraceCheckpointObject.of(p.checkpoint, keys),
      leafIndex: p.leafIndex,
      leaf: traceHeadLeaf(p.head),
      length: p.head.length,
      headHash: p.head.headHash,
      auditPath: p.auditPath,
    });
  }
}
