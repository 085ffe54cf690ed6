import { idempotencyKey } from '../../api/graphql-client';

/**
 * One idempotency key per user action: the same key while the same thing is sent again (a retry
 * after a lost answer), a new one once what is sent changes or the action succeeded.
 */
export function actionKey(): { for: (payload: unknown) => string; done: () => void } {
  let key: string | undefined;
  let sent: string | undefined;
  return {
    for(payload: unknown): string {
      const body = JSON.stringify(payload);
      if (!key || body !== sent) {
        key = idempotencyKey();
        sent = body;
      }
      return key;
    },
    done(): void {
      key = undefined;
      sent = undefined;
    },
  };
}
