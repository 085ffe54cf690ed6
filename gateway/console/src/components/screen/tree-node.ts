import type { RiskBand, Tier } from '../../api/screen-queries';

/** A unit on the screen's tree: what its parent's figures said of it (band, rank in its tier). */
export interface TreeNode {
  code: string;
  name: string;
  tier: Tier;
  band: RiskBand | null;
  score: number | null;
  position: number | null;
  outOf: number;
  parent?: string;
  /** Child codes, once the unit has been opened. */
  children?: string[];
}
