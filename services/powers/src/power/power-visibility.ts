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

/**
 * Checkpoints (电子关卡) are for staff and services only: the seeds publish a power's flow, posts,
 * time limits, supervisor, risk points and efficiency points (seed 000: 廉政风险点和工作效能点以及
 * 监督清单; seed 001: 运行程序、责任人、办理时限、监督责任人), but the red lines are rules set
 * inside the system (seed 002: 将相关制度规定设置在计算机程序内), and their thresholds would
 * show how to stay just under them.
 */
export function canSeeCheckpoints(principal: Principal): boolean {
  return principal.role !== Role.PUBLIC;
}
