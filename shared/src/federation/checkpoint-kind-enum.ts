import { registerEnumType } from 'type-graphql';
import { CheckpointKind } from '../checkpoint/checkpoint-kind';

/** Registers `CheckpointKind` with type-graphql once, for the subgraphs that expose it. */
export function registerCheckpointKindEnum(): void {
  registerEnumType(CheckpointKind, {
    name: 'CheckpointKind',
    description: 'Kind of hard rule (电子关卡) enforced on a step.',
  });
}

registerCheckpointKindEnum();
