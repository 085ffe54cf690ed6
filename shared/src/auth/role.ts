/** What a principal may do. A request without a token acts as `PUBLIC`. */
export enum Role {
  CLERK = 'CLERK',
  LEADER = 'LEADER',
  INSPECTOR = 'INSPECTOR',
  ADMIN = 'ADMIN',
  /** A wall screen (大屏) in kiosk mode: reads its subtree's figures, risk and alerts; writes nothing. */
  SCREEN = 'SCREEN',
  PUBLIC = 'PUBLIC',
  /** A Sunlight service calling another with a service credential (never a person). */
  SERVICE = 'SERVICE',
}

/** Roles a person's token may carry. */
export const PERSON_ROLES = [Role.CLERK, Role.LEADER, Role.INSPECTOR, Role.ADMIN, Role.SCREEN] as const;
