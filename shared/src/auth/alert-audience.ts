import type { Principal } from './principal';
import { Role } from './role';
import { scope } from './scope';

/** What decides who may see an alert. */
export interface AlertAudienceFacts {
  kind: string;
  unitCode: string;
  accusedUnit: string | null;
  accusedDepartment: string | null;
  againstLeadership: boolean;
}

/** Alert kinds about cases and ratings, which leaders see too. */
export const LEADER_ALERT_KINDS = new Set(['CARD', 'CHECKPOINT_BLOCKED', 'LOW_RATING']);

/**
 * Alert kinds about the platform's own upkeep, which only administrators see: the working
 * calendar lacks a year a clock needs (CALENDAR_NOT_LOADED).
 */
export const ADMIN_ALERT_KINDS = new Set(['CALENDAR_NOT_LOADED']);

/**
 * Who may see an alert (used by the alerts subgraph and, identically, by the gateway before it
 * delivers a subscription event). Inspectors see alerts in their scope, except alerts about a
 * complaint against them (their unit's leadership, or their department). Leaders see case and
 * rating alerts of their subtree, and so do screen accounts (大屏). Administrators see the upkeep alerts ({@link ADMIN_ALERT_KINDS})
 * of their subtree, and only they do. Nobody else sees alerts.
 */
export function canSeeAlert(p: Principal, a: AlertAudienceFacts): boolean {
  if (p.role === Role.SERVICE) return true;
  if (!scope.canRead(p, a.unitCode)) return false;
  if (ADMIN_ALERT_KINDS.has(a.kind)) return p.role === Role.ADMIN;
  if (a.accusedUnit !== null && a.againstLeadership && p.unit === a.accusedUnit) return false;
  if (a.accusedDepartment !== null && p.department === a.accusedDepartment) return false;
  if (p.role === Role.INSPECTOR) return true;
  return (p.role === Role.LEADER || p.role === Role.SCREEN) && LEADER_ALERT_KINDS.has(a.kind);
}
