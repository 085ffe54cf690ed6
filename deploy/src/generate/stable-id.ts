import { nameUuid } from '@sunlight/shared';

/**
 * A UUID (version 5 layout) derived from a stable name, e.g. `stableId('power', unitCode, code)`:
 * the same name always gives the same id. Namespaced apart from the demo data's ids.
 */
export function stableId(...parts: Array<string | number>): string {
  return nameUuid('sunlight-city', ...parts);
}
