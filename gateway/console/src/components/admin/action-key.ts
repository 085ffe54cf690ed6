import { idempotencyKey } from '../../api/graphql-client';

/**
 * The idempotency key of one user action: the same key for every retry of the action until it
 * succeeds (a resend after a lost answer never writes twice), a fresh one for the next action.
 */
export function actionKey(): { current: () => string; done: () => void } {
  let key = idempotencyKey();
  return {
    current: () => key,
    done: () => {
      key = idempotencyKey();
    },
  };
}
