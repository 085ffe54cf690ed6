import { PUBLIC_PRINCIPAL } from '@sunlight/shared';
import { CardAlertDetails, ComplaintAlertDetails } from './alert-details.type';
import { DisposalKind } from './alert.type';
import { aCardRaised, aComplaintOverdue } from '../testing/alert-events';
import { openAlertsDatabase, people, type AlertsDatabase } from '../testing/alerts-database';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const SIBLING = '139902000000';

describe('AlertService on PostgreSQL: acknowledge and dispose', () => {
  let db: AlertsDatabase;
  let card: string;
  let complaint: string;
  let complaint2: string;
  const inspector = people.inspector(COUNTY, 'inspector-county');

  beforeAll(async () => {
    db = await openAlertsDatabase();
    const cardEvent = aCardRaised(TOWNSHIP, 'YELLOW');
    const complaintEvent = aComplaintOverdue({ handlerUnit: COUNTY, accusedUnit: TOWNSHIP, againstLeadership: true });
    const complaintEvent2 = aComplaintOverdue({ handlerUnit: COUNTY, accusedUnit: TOWNSHIP, againstLeadership: true });
    await db.outboxes.publish(cardEvent);
    await db.outboxes.publish(complaintEvent);
    await db.outboxes.publish(complaintEvent2);
    expect(await db.drain()).toBe(3);
    card = (await db.alertsAbout(cardEvent.aggregateId))[0]!.id;
    complaint = (await db.alertsAbout(complaintEvent.aggregateId))[0]!.id;
    complaint2 = (await db.alertsAbout(complaintEvent2.aggregateId))[0]!.id;
  });
  afterAll(() => db.close());

  it('shows case alerts to leaders in scope and complaint alerts to inspectors only, never to the accused', async () => {
    const township = people.leader(TOWNSHIP);
    await expect(db.alerts.get(township, card)).resolves.toMatchObject({ kind: 'CARD', status: 'OPEN' });
    await expect(db.alerts.get(people.leader(COUNTY), complaint)).rejects.toMatchObject({
      extensions: { code: 'ALERT_NOT_FOUND' },
    });
    await expect(db.alerts.get(people.inspector(TOWNSHIP), complaint)).rejects.toMatchObject({
      extensions: { code: 'ALERT_NOT_FOUND' },
    });
    await expect(db.alerts.get(people.inspector(SIBLING), card)).rejects.toMatchObject({
      extensions: { code: 'ALERT_NOT_FOUND' },
    });
    const listed = await db.alerts.list(inspector, {}, 10);
    expect(listed.edges.map((e) => e.node.id).sort()).toEqual([card, complaint, complaint2].sort());
    expect((await db.alerts.list(people.leader(COUNTY), {}, 10)).edges.map((e) => e.node.id)).toEqual([card]);
  });

  it('gives details as the typed object of the alert’s kind, not JSON text', async () => {
    const cardAlert = await db.alerts.get(people.leader(TOWNSHIP), card);
    expect(cardAlert.details).toBeInstanceOf(CardAlertDetails);
    expect(cardAlert.details).toMatchObject({ step: 1, reason: 'step 1 is overdue', powerVersion: 1 });
    const complaintAlert = await db.alerts.get(inspector, complaint);
    expect(complaintAlert.details).toBeInstanceOf(ComplaintAlertDetails);
    expect(complaintAlert.details).toEqual({
      number: 'TS2026-000001',
      category: 'INACTION',
      stage: 'ACCEPT',
      from: null,
    });
  });

  it('is acknowledged by inspectors and leaders in scope only', async () => {
    await expect(db.alerts.acknowledge(PUBLIC_PRINCIPAL, card, db.key())).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(db.alerts.acknowledge(people.clerk(TOWNSHIP), card, db.key())).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(db.alerts.acknowledge(people.inspector(SIBLING), card, db.key())).rejects.toMatchObject({
      extensions: { code: 'ALERT_NOT_FOUND' },
    });
    await expect(
      db.alerts.acknowledge(people.leader(TOWNSHIP, 'leader-township'), card, db.key()),
    ).resolves.toMatchObject({ status: 'ACKNOWLEDGED' });
    const [row] = (await db.ds.query('SELECT acknowledged_by FROM alert WHERE id = $1', [card])) as {
      acknowledged_by: string;
    }[];
    expect(row?.acknowledged_by).toBe('leader-township');
  });

  it('is disposed of once, with a note, and stays disposed', async () => {
    await expect(db.alerts.dispose(inspector, card, DisposalKind.NOTICE_ISSUED, 'x', db.key())).rejects.toMatchObject({
      extensions: { code: 'VALIDATION_FAILED', field: 'note' },
    });
    const disposed = await db.alerts.dispose(inspector, card, DisposalKind.NOTICE_ISSUED, '已发检查建议书', db.key());
    expect(disposed).toMatchObject({
      status: 'DISPOSED',
      disposal: { kind: 'NOTICE_ISSUED', note: '已发检查建议书', by: 'inspector-county' },
    });
    await expect(
      db.alerts.dispose(inspector, card, DisposalKind.DISMISSED, '另行处理', db.key()),
    ).rejects.toMatchObject({ extensions: { code: 'ALERT_DISPOSED' } });
    await expect(db.alerts.acknowledge(inspector, card, db.key())).resolves.toMatchObject({ status: 'DISPOSED' });
    expect((await db.alerts.get(inspector, card)).disposal).toMatchObject({ kind: 'NOTICE_ISSUED' });
  });

  it('answers a retried disposal with the disposed alert', async () => {
    const key = db.key();
    await db.alerts.dispose(inspector, complaint, DisposalKind.DISMISSED, '经核查不属实', key);
    await expect(
      db.alerts.dispose(inspector, complaint, DisposalKind.DISMISSED, '经核查不属实', key),
    ).resolves.toMatchObject({ status: 'DISPOSED', disposal: { kind: 'DISMISSED' } });
  });

  it('lets only one of two concurrent disposals through; the other is refused, never overwriting it', async () => {
    const [first, second] = await Promise.allSettled([
      db.alerts.dispose(inspector, complaint2, DisposalKind.DISMISSED, '经核查不属实', db.key()),
      db.alerts.dispose(inspector, complaint2, DisposalKind.ACCOUNTABILITY_STARTED, '已启动问责程序', db.key()),
    ]);
    const outcomes = [first, second].map((r) =>
      r.status === 'fulfilled' ? 'ok' : (r.reason as { extensions?: { code?: string } }).extensions?.code,
    );
    expect(outcomes.sort()).toEqual(['ALERT_DISPOSED', 'ok']);
    const kept = await db.alerts.get(inspector, complaint2);
    const winner = first.status === 'fulfilled' ? first.value : (second as PromiseFulfilledResult<typeof kept>).value;
    expect(kept.disposal).toEqual(winner.disposal);
  });
});
