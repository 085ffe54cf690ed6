/**
 * The API's field errors that no field of the form shows (e.g. `flow` when the steps' total
 * exceeds the promised limit), as lines to show above the form: none is ever dropped.
 */
export function unshownErrors(fieldErrors: Record<string, string>, shown: readonly string[]): string[] {
  return Object.entries(fieldErrors)
    .filter(([prop]) => !shown.includes(prop))
    .map(([, message]) => message);
}
