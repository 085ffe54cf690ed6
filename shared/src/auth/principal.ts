import { Role } from './role';

/** Who is asking: a person (or service) acting at a unit, optionally within a department. */
export interface Principal {
  subject: string;
  role: Role;
  /** 12-digit division code of the unit the principal acts for; absent for the public. */
  unit?: string;
  department?: string;
  /** The post (岗位) the person holds, when the token names one; flow steps are assigned to posts. */
  post?: string;
  name?: string;
  /** The calling client's address, set by the gateway (for per-client rate limits); never from a user token. */
  client?: string;
}

/** The anonymous public principal. */
export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ subject: 'public', role: Role.PUBLIC });
