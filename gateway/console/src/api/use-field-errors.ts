import { reactive, ref } from 'vue';
import { ApiError } from './graphql-client';

/**
 * Server-side field errors for a form: bind `fieldErrors[prop]` to an el-form-item's `error` so the
 * API's message shows beside its field; anything not tied to a shown field goes to `formError`.
 * `fields` maps the API's field path (e.g. `input.amounts.fee`) to the form's prop, when they differ.
 */
export function useFieldErrors(fields: Record<string, string> = {}): {
  fieldErrors: Record<string, string>;
  formError: ReturnType<typeof ref<ApiError | undefined>>;
  clear: () => void;
  show: (e: unknown) => void;
} {
  const fieldErrors = reactive<Record<string, string>>({});
  const formError = ref<ApiError>();
  const propOf = (field: string): string => {
    if (fields[field]) return fields[field];
    const last = field.split('.').pop() ?? field;
    return fields[last] ?? last;
  };
  function clear(): void {
    for (const key of Object.keys(fieldErrors)) delete fieldErrors[key];
    formError.value = undefined;
  }
  function show(e: unknown): void {
    clear();
    const error = e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR');
    const problems =
      error.problems.length > 0 ? error.problems : error.field ? [{ field: error.field, message: error.message }] : [];
    for (const p of problems) fieldErrors[propOf(p.field)] = p.message;
    if (problems.length === 0) formError.value = error;
  }
  return { fieldErrors, formError, clear, show };
}
