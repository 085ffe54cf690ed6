import { Role, scope, type Principal } from '@sunlight/shared';
import type { PowerRecord, PowerVersionRecord } from './power.entity';
import { PowerStatus } from './power-status';

/**
 * Who may see a version of a power: services everything; staff anything of a unit in their
 * subtree; the public only versions that were published, of powers not retired.
 */
export function canSeePowerVersion(
  principal: Principal,
  record: PowerRecord,
  version: Pick<PowerVersionRecord, 'publishedAt'>,
): boolean {
  if (principal.role === Role.SERVICE) return true;
  if (principal.role === Role.PUBLIC) return record.status === PowerStatus.PUBLISHED && version.publishedAt !== null;
  return scope.canRead(principal, record.unitCode);
}

/** The version a reference by id alone means: latest for staff, the one in force for the public. */
export function defaultVersionFor(principal: Principal, record: PowerRecord): number | null {
  return principal.role === Role.PUBLIC ? record.publishedVersion : record.latestVersion;
}

/** Internal fields (posts, supervisor, risk points, checkpoints) are for staff and services only. */
export function canSeeInternals(principal: Principal): boolean {
  return principal.role !== Role.PUBLIC;
}
