import { reactive } from 'vue';
import { UNIT_NAME } from '../../api/leader-queries';

/** Unit names by code, asked once each; reactive, so a template shows a name when it arrives. */
const names = reactive<Record<string, string>>({});
const asked = new Set<string>();

/**
 * Looks up the names of `codes`. Unit names are public (the catalog's unit picker shows them to
 * anyone), and a notice's issuer is usually a unit above the leader's scope, which a staff token may
 * not read: so the lookup goes without a token, as the public catalog's does.
 */
export function loadUnitNames(codes: string[]): void {
  for (const code of new Set(codes)) {
    if (asked.has(code)) continue;
    asked.add(code);
    void fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'omit',
      body: JSON.stringify({ query: UNIT_NAME, variables: { code } }),
    })
      .then((r) => r.json() as Promise<{ data?: { unit?: { name: string } } }>)
      .then((body) => {
        if (body.data?.unit) names[code] = body.data.unit.name;
        else asked.delete(code);
      })
      .catch(() => asked.delete(code));
  }
}

/** The unit's name once known, else a neutral placeholder (never the bare code). */
export function unitName(code: string): string {
  return names[code] ?? '（单位名称加载中）';
}
