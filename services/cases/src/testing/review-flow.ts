import { randomUUID } from 'node:crypto';
import type { Principal } from '@sunlight/shared';
import type { PowerSnapshot } from '../clients/power-snapshot';
import { staff } from './cases-database';
import { aPowerSnapshot } from './power-snapshot.builder';

/** A power of one unit whose cases pass two departments, and the staff who handle them. */
export interface ReviewFlow {
  /** The power's department: files its cases, handles 受理 and 决定. */
  intake: string;
  /** The department that handles 审查. */
  review: string;
  /** A clerk of `intake`, subject `clerk-intake`. */
  filer: Principal;
  /** A clerk of `review`, subject `clerk-review`. */
  reviewer: Principal;
  /** The unit's leader, subject `leader-county`. */
  leader: Principal;
  /** 受理 (intake, needs the licence 营业执照) → 审查 (review) → 决定 (intake again). */
  power: PowerSnapshot;
}

/** A {@link ReviewFlow} in `unit`, with fresh departments. */
export function aReviewFlow(unit: string): ReviewFlow {
  const intake = randomUUID();
  const review = randomUUID();
  return {
    intake,
    review,
    filer: staff.clerk(unit, intake, 'clerk-intake'),
    reviewer: staff.clerk(unit, review, 'clerk-review'),
    leader: staff.leader(unit, 'leader-county'),
    power: aPowerSnapshot()
      .inUnit(unit)
      .ofDepartment(intake)
      .withFlow(2, 3, 3)
      .handledBy(2, review)
      .requiringAt(1, '营业执照')
      .build(),
  };
}
