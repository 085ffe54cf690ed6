import type { NewAlert } from './alert-rules';

/**
 * What a rule derived, as the values of the `alert` table's columns `kind, level, unit_code,
 * subject_type, subject_id, dedupe_key, accused_unit, accused_department, against_leadership,
 * title`, in that order: the consumer's INSERT and the city generator's bulk rows both write them
 * so. `details` is left to the writer, which serialises it its own way.
 */
export function alertRowValues(a: Omit<NewAlert, 'details'>): unknown[] {
  return [
    a.kind,
    a.level,
    a.unitCode,
    a.subjectType,
    a.subjectId,
    a.dedupeKey,
    a.accusedUnit,
    a.accusedDepartment,
    a.againstLeadership,
    a.title,
  ];
}
