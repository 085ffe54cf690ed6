import type { Logger } from '@sunlight/shared';

/** A card as sent to the people who must act on it. */
export interface CardNotice {
  caseId: string;
  caseNumber: string;
  unitCode: string;
  level: 'REMINDER' | 'YELLOW' | 'RED';
  stepNo: number | null;
  reason: string;
}

/** Sends cards out (SMS in production). Called after the card is committed; failures are logged, not retried. */
export interface CardNotifier {
  notify(notice: CardNotice): Promise<void>;
}

/** Development notifier: writes the notice to the log. */
export class LogCardNotifier implements CardNotifier {
  constructor(private readonly logger: Logger) {}

  async notify(notice: CardNotice): Promise<void> {
    this.logger.info('card notice (SMS in production)', { ...notice });
  }
}

/**
 * Production notifier: POSTs each notice as JSON to an SMS gateway's webhook
 * (`SMS_WEBHOOK_URL`), which resolves recipients and sends the message.
 */
export class WebhookCardNotifier implements CardNotifier {
  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  async notify(notice: CardNotice): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(notice),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok)
      this.logger.warn('SMS webhook refused a card notice', {
        status: res.status,
        caseNumber: notice.caseNumber,
        level: notice.level,
      });
  }
}
