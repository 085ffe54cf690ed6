import { reactive } from 'vue';
import { request } from '../../api/graphql-client';
import { UNIT_NAMES, type UnitWithDepartments } from '../../api/inspector-queries';

/** Units read so far (name, departments, children), shared by the inspector's pages. */
const units = reactive<Record<string, UnitWithDepartments | null>>({});
const pending = new Map<string, Promise<void>>();

/**
 * Names of units by their codes: `resolve(codes)` reads each unknown unit once (the API answers
 * staff for their own subtree); `unitName(code)` is its name, or the code while unread or outside
 * the caller's scope; `departmentName(unit, id)` likewise for a department.
 */
export function useUnitNames(): {
  resolve: (codes: Iterable<string>) => Promise<void>;
  unitName: (code: string | null | undefined) => string;
  departmentName: (unit: string, id: string | null | undefined) => string;
  unit: (code: string) => UnitWithDepartments | null | undefined;
} {
  function load(code: string): Promise<void> {
    if (code in units) return Promise.resolve();
    let p = pending.get(code);
    if (!p) {
      p = request<{ unit: UnitWithDepartments }>(UNIT_NAMES, { code })
        .then((d) => {
          units[code] = d.unit;
        })
        .catch(() => {
          units[code] = null;
        })
        .finally(() => pending.delete(code));
      pending.set(code, p);
    }
    return p;
  }
  return {
    resolve: async (codes) => {
      await Promise.all([...new Set(codes)].filter(Boolean).map(load));
    },
    unitName: (code) => (code ? (units[code]?.name ?? `单位 ${code}`) : '—'),
    departmentName: (unit, id) => {
      if (!id) return '';
      return units[unit]?.departments.find((d) => d.id === id)?.name ?? `部门 ${id}`;
    },
    unit: (code) => units[code],
  };
}
