import { idempotencyKey } from '../../api/graphql-client';

/**
 * The idempotency key of one user action: the same key while the clerk resends the same input (a
 * retry after a network error returns the first result and writes nothing), a fresh one once the
 * input changes (a corrected form is a new action, traced as such) or the action has succeeded.
 */
export function actionKey(): { keyFor: (input: unknown) => string; done: () => void } {
  let key: string | undefined;
  let sent: string | undefined;
  return {
    keyFor(input: unknown): string {
      const fingerprint = JSON.stringify(input);
      if (!key || fingerprint !== sent) key = idempotencyKey();
      sent = fingerprint;
      return key;
    },
    done(): void {
      key = undefined;
      sent = undefined;
    },
  };
}
