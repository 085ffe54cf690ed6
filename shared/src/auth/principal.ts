import { Role } from './role';

/** Who is asking: a person (or service) acting at a unit, optionally within a department. */
export interface Principal {
  subject: string;
  role: Role;
  /** 12-digit division code of the unit the principal acts for; absent for the public. */
  unit?: string;
  department?: string;
  name?: string;
}

/** The anonymous public principal. */
export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ subject: 'public', role: Role.PUBLIC });
