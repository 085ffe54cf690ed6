import { alertFor, alertRowValues, type NewAlert } from '@sunlight/alerts';
import type { EventPayloads, EventTopic } from '@sunlight/shared';
import type { BulkWriter } from './bulk-writer';
import type { Random } from './random';
import { TABLES } from './table-specs';

/** An alert exactly as the alerts service's own rules (`alertFor`) raise it from an event. */
export type BookedAlert = Omit<NewAlert, 'details'> & {
  /** `details`, serialised. */
  details: string;
  source: AlertSource;
  raisedAt: number;
};

/** The services whose events raise alerts. */
export type AlertSource = 'cases' | 'evaluations' | 'complaints';

/** An event as its service would have published it: a topic and that topic's payload. */
export type BookedEvent = { [T in EventTopic]: { topic: T; payload: EventPayloads[T] } }[EventTopic];

const DAY = 86_400_000;
const NOTES: Partial<Record<BookedAlert['kind'], readonly string[]>> = {
  CARD: [
    '已督促承办人限时办结',
    '已约谈承办人，责令说明超时原因',
    '超时原因系申请人补正材料，已核实',
    '已纳入作风效能考核',
  ],
  LOW_RATING: ['已回访群众，问题已整改', '已核实差评原因并向群众说明', '已对窗口人员开展提醒谈话'],
  COMPLAINT_OVERDUE: ['已督办，要求限期办结', '已向承办单位发出督办通知'],
  COMPLAINT_ESCALATED: ['已由上级纪检组织直接办理', '已督办并通报'],
};
const DISPOSALS = ['DISMISSED', 'NOTICE_ISSUED', 'ACCOUNTABILITY_STARTED'] as const;

/**
 * The alerts the generated history would have raised. Callers keep them unique per (kind, level,
 * dedupe key), as the `alert` table does. Written last, numbered (`seq`) in the order they were
 * raised, with the acknowledgement and disposal older alerts have had.
 */
export class AlertBook {
  private readonly alerts: BookedAlert[] = [];

  /**
   * Books the alert the alerts service would raise for `event` in the outbox of `source` (its
   * own rules decide kind, level, title and dedupe key).
   * @throws Error when the rules raise no alert for that event.
   */
  raise(source: AlertSource, unitCode: string, event: BookedEvent, raisedAt: number): void {
    const alert = alertFor(source, {
      // unique per booked event, as outbox ids are: a rule keyed by the event (a checkpoint breach) raises one each
      id: String(this.alerts.length + 1),
      txid: '0',
      unitCode,
      aggregateId: '',
      createdAt: new Date(raisedAt),
      ...event,
    });
    if (!alert) throw new Error(`the alert rules raise nothing for ${source}:${event.topic}`);
    this.alerts.push({ ...alert, details: JSON.stringify(alert.details), source, raisedAt });
  }

  get size(): number {
    return this.alerts.length;
  }

  /** Writes every alert; returns the last `seq` used. */
  async write(writer: BulkWriter, now: number, random: Random): Promise<number> {
    const sorted = this.alerts
      .map((a, i) => [a, i] as const)
      .sort((x, y) => x[0].raisedAt - y[0].raisedAt || x[1] - y[1]);
    let seq = 0;
    for (const [a] of sorted) {
      seq++;
      const age = (now - a.raisedAt) / DAY;
      const roll = random.next();
      const status =
        age > 20
          ? roll < 0.93
            ? 'DISPOSED'
            : roll < 0.98
              ? 'ACKNOWLEDGED'
              : 'OPEN'
          : age > 5
            ? roll < 0.7
              ? 'DISPOSED'
              : roll < 0.9
                ? 'ACKNOWLEDGED'
                : 'OPEN'
            : roll < 0.2
              ? 'DISPOSED'
              : roll < 0.5
                ? 'ACKNOWLEDGED'
                : 'OPEN';
      const by =
        a.kind === 'CARD' || a.kind === 'LOW_RATING' ? (random.chance(0.7) ? 'inspector' : 'leader') : 'inspector';
      const person = `${by}.${a.unitCode}`;
      const ackAt = Math.min(now, a.raisedAt + random.int(10, 48 * 60) * 60_000);
      const disposedAt = Math.min(now, ackAt + random.int(12, 8 * 24) * 3_600_000);
      const disposal = DISPOSALS[random.weighted([75, 15, 10])]!;
      const acked = status !== 'OPEN';
      const disposed = status === 'DISPOSED';
      writer.add(TABLES.alert, [
        random.uuid(),
        seq,
        ...alertRowValues(a),
        a.details,
        a.source,
        // No outbox history is generated: 0 marks an alert raised before the data was loaded.
        0,
        new Date(a.raisedAt).toISOString(),
        status,
        acked ? person : null,
        acked ? new Date(ackAt).toISOString() : null,
        disposed ? disposal : null,
        disposed ? random.pick(NOTES[a.kind] ?? ['已核实处置']) : null,
        disposed ? person : null,
        disposed ? new Date(disposedAt).toISOString() : null,
      ]);
      if (seq % 5000 === 0) await writer.pace();
    }
    return seq;
  }
}
