import type { CheckpointKind } from './checkpoint-kind';

/**
 * A {@link CheckpointKind} as plain text, the form it takes in stored JSON (a case's power
 * snapshot, an event's violations). The same values; a string literal is accepted where it is.
 */
export type CheckpointKindName = `${CheckpointKind}`;
