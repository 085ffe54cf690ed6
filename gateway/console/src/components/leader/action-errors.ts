import { ApiError } from '../../api/graphql-client';
import { useFieldErrors } from '../../api/use-field-errors';

/**
 * Field errors for an action's form whose fields are `shown`: the API's message goes beside its
 * field when the form has it, and otherwise (e.g. a refusal naming `caseId`) above the form.
 */
export function useActionErrors(shown: string[]): ReturnType<typeof useFieldErrors> {
  const errors = useFieldErrors();
  const show = (e: unknown): void => {
    errors.show(e);
    const stray = Object.keys(errors.fieldErrors).filter((k) => !shown.includes(k));
    if (stray.length === 0) return;
    for (const k of stray) delete errors.fieldErrors[k];
    errors.formError.value = e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR');
  };
  return { ...errors, show };
}
