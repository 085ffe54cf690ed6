import type { TargetNames } from '../clients/upstream';
import { TargetKind } from './campaign.input';

/** A campaign target as stored: its id, unit, post and the label it was opened with. */
export interface StoredTarget {
  targetId: string;
  unitCode: string;
  postId: string | null;
  /** the label given when the campaign opened, or the target id when none was */
  label: string;
}

/**
 * The name a person reads for a target: the label given when the campaign opened, else one
 * made from the names of its unit and post (领导班子 for a leadership target). Falls back to the
 * stored label (the target id) only when a name is unknown.
 */
export function campaignTargetName(kind: TargetKind, t: StoredTarget, names: TargetNames): string {
  if (t.label !== t.targetId) return t.label;
  const unit = names.units.get(t.unitCode);
  if (unit === undefined) return t.label;
  switch (kind) {
    case TargetKind.LEADERSHIP:
      return `${unit}领导班子`;
    case TargetKind.UNIT:
      return unit;
    case TargetKind.KEY_POST: {
      const post = t.postId === null ? undefined : names.posts.get(t.postId);
      return post === undefined ? t.label : `${unit}${post}`;
    }
  }
}
