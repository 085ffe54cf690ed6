import { ref } from 'vue';
import { ApiError, request } from '../../api/graphql-client';
import { useFieldErrors } from '../../api/use-field-errors';
import type { CaseDetail, CheckpointViolation } from '../../api/clerk-queries';
import { actionKey } from './action-key';
import { attachmentFields } from './applicant-fields';

/**
 * One transition of a case (advance, complete, return, suspend, resume): sends it with its
 * idempotency key, puts the API's field errors beside their fields and a checkpoint refusal's
 * rules in `violations`, and leaves the form as it was so the clerk can correct it and resend.
 */
export function useCaseAction(mutation: string, field: string, onDone: (c: CaseDetail) => void, onRefused: () => void) {
  const { fieldErrors, formError, clear, show } = useFieldErrors({
    ...attachmentFields('attachments'),
    ...attachmentFields('input.attachments'),
  });
  const violations = ref<CheckpointViolation[]>([]);
  const sending = ref(false);
  const key = actionKey();

  async function send(variables: Record<string, unknown>): Promise<boolean> {
    sending.value = true;
    violations.value = [];
    clear();
    try {
      const answer = await request<Record<string, CaseDetail>>(mutation, { ...variables, key: key.keyFor(variables) });
      key.done();
      const updated = answer[field];
      if (updated) onDone(updated);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CHECKPOINT_VIOLATED') {
        violations.value = (e.extensions['violations'] as CheckpointViolation[] | undefined) ?? [];
        if (violations.value.length === 0) show(e);
        // The refusal is in the trace now (电子关卡拦截); the page shows it without losing this form.
        onRefused();
      } else {
        show(e);
        if (e instanceof ApiError && (e.code === 'SEPARATION_OF_DUTIES' || e.code === 'NOT_HANDLER')) onRefused();
      }
      return false;
    } finally {
      sending.value = false;
    }
  }

  return { fieldErrors, formError, violations, sending, send };
}
