/** What a principal may do. A request without a token acts as `PUBLIC`. */
export enum Role {
  CLERK = 'CLERK',
  LEADER = 'LEADER',
  INSPECTOR = 'INSPECTOR',
  ADMIN = 'ADMIN',
  PUBLIC = 'PUBLIC',
  /** A Sunlight service calling another with a service credential (never a person). */
  SERVICE = 'SERVICE',
}

/** Roles a person's token may carry. */
export const PERSON_ROLES = [Role.CLERK, Role.LEADER, Role.INSPECTOR, Role.ADMIN] as const;
