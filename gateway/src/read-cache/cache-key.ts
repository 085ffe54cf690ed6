import { createHash } from 'node:crypto';
import { unitCode, type Principal } from '@sunlight/shared';

/**
 * The response cache's key: the operation text, its name and variables, and every attribute of
 * the caller that a resolver may read (subject, role, unit, department, post, name). Only the
 * client's address is left out: it feeds rate limits, never a result. Two requests share an entry
 * only when all of these are equal, so no answer is ever served across scopes or persons.
 */
export function responseCacheKey(
  principal: Principal,
  source: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): string {
  const caller = [
    principal.subject,
    principal.role,
    principal.unit ?? '',
    principal.department ?? '',
    principal.post ?? '',
    principal.name ?? '',
  ];
  return createHash('sha256')
    .update(JSON.stringify([caller, operationName ?? null, source, variables ?? {}]))
    .digest('base64url');
}

/** The scope prefix whose changes can change what `principal` reads; null for the public (everything). */
export function scopeOfPrincipal(principal: Principal): string | null {
  return principal.unit && unitCode.isValid(principal.unit) ? unitCode.prefixOf(principal.unit) : null;
}
