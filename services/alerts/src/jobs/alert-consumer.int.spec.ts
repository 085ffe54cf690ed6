import { randomUUID } from 'node:crypto';
import type { OutboxEvent } from '@sunlight/shared';
import { aCardRaised, aCheckpointBlocked, aComplaintOverdue, aLowRating } from '../testing/alert-events';
import { openAlertsDatabase, type AlertsDatabase } from '../testing/alerts-database';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';

describe('AlertConsumer on PostgreSQL: other services’ outboxes into alerts', () => {
  let db: AlertsDatabase;
  beforeAll(async () => {
    db = await openAlertsDatabase();
  });
  afterAll(() => db.close());

  it("turns a card in the cases service's outbox into one alert", async () => {
    const card = aCardRaised(TOWNSHIP, 'YELLOW');
    const eventId = await db.outboxes.publish(card);
    expect(await db.drain()).toBe(1);
    const [alert, ...more] = await db.alertsAbout(card.aggregateId);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'CARD',
      level: 'YELLOW',
      unit_code: TOWNSHIP,
      subject_type: 'Case',
      status: 'OPEN',
      source: 'cases',
      source_event_id: eventId,
    });
    expect(alert?.title).toContain(card.payload.number);
  });

  it('raises nothing again when the same events are delivered again', async () => {
    const card = aCardRaised(TOWNSHIP, 'RED');
    await db.outboxes.publish(card);
    expect(await db.drain()).toBe(1);
    // a reader that lost its cursor reads every event again (at-least-once delivery)
    await db.ds.query("UPDATE outbox_cursor SET last_txid = '0', last_id = 0 WHERE consumer = 'alerts'");
    expect(await db.drain()).toBe(0);
    expect(await db.alertsAbout(card.aggregateId)).toHaveLength(1);
  });

  it('raises one alert for a card published twice, and another for a higher level on the same step', async () => {
    const caseId = randomUUID();
    await db.outboxes.publish(aCardRaised(COUNTY, 'YELLOW', caseId, 2));
    await db.outboxes.publish(aCardRaised(COUNTY, 'YELLOW', caseId, 2));
    await db.outboxes.publish(aCardRaised(COUNTY, 'RED', caseId, 2));
    expect(await db.drain()).toBe(2);
    expect((await db.alertsAbout(caseId)).map((a) => a.level)).toEqual(['YELLOW', 'RED']);
  });

  it('raises an alert for each red-line breach on a case, a second on the same step included, and none again on redelivery', async () => {
    const caseId = randomUUID();
    await db.outboxes.publish(aCheckpointBlocked(COUNTY, caseId, 2, 600_000));
    await db.outboxes.publish(aCheckpointBlocked(COUNTY, caseId, 2, 700_000));
    expect(await db.drain()).toBe(2);
    await db.ds.query("UPDATE outbox_cursor SET last_txid = '0', last_id = 0 WHERE consumer = 'alerts'");
    expect(await db.drain()).toBe(0);
    const alerts = await db.alertsAbout(caseId);
    expect(alerts.map((a) => [a.kind, a.level])).toEqual([
      ['CHECKPOINT_BLOCKED', 'YELLOW'],
      ['CHECKPOINT_BLOCKED', 'YELLOW'],
    ]);
  });

  it('reads the complaints and evaluations outboxes too, carrying who is accused and never who complained', async () => {
    const overdue = aComplaintOverdue({ handlerUnit: COUNTY, accusedUnit: TOWNSHIP, againstLeadership: true });
    const low = aLowRating(TOWNSHIP, 1);
    await db.outboxes.publish(overdue);
    await db.outboxes.publish(low);
    expect(await db.drain()).toBe(2);
    expect(await db.alertsAbout(overdue.aggregateId)).toEqual([
      expect.objectContaining({
        kind: 'COMPLAINT_OVERDUE',
        level: 'YELLOW',
        unit_code: COUNTY,
        accused_unit: TOWNSHIP,
        against_leadership: true,
        source: 'complaints',
      }),
    ]);
    expect(await db.alertsAbout(TOWNSHIP)).toEqual([
      expect.objectContaining({ kind: 'LOW_RATING', level: 'YELLOW', subject_type: 'Unit', source: 'evaluations' }),
    ]);
  });

  it('passes over events that are not alert-worthy, and an event in an outbox its contract does not name', async () => {
    const before = await db.count('SELECT count(*) FROM alert');
    await db.outboxes.publish({
      topic: 'case.filed',
      unitCode: COUNTY,
      aggregateId: randomUUID(),
      payload: { caseId: randomUUID(), number: 'n', powerId: randomUUID(), powerVersion: 1 },
    });
    // a rating event written straight into the cases outbox: not what cases publishes
    await db.ds.query('INSERT INTO cases.outbox (topic, unit_code, aggregate_id, payload) VALUES ($1, $2, $3, $4)', [
      'rating.low',
      TOWNSHIP,
      'forged',
      JSON.stringify(aLowRating(TOWNSHIP, 1).payload),
    ]);
    expect(await db.drain()).toBe(0);
    expect(await db.count('SELECT count(*) FROM alert')).toBe(before);
    expect(
      await db.count(
        "SELECT count(*) FROM cases.outbox o WHERE NOT EXISTS (SELECT 1 FROM inbox i WHERE i.source = 'cases' AND i.event_id = o.id)",
      ),
    ).toBe(0);
  });

  it('drops an event it has handled even when handed it directly a second time', async () => {
    const card = aCardRaised(COUNTY, 'REMINDER');
    const id = await db.outboxes.publish(card);
    expect(await db.drain()).toBe(1);
    const again = {
      id,
      txid: '0',
      topic: card.topic,
      unitCode: card.unitCode ?? null,
      aggregateId: card.aggregateId,
      payload: card.payload,
      createdAt: new Date(),
    } satisfies OutboxEvent<'case.card_raised'>;
    expect(await db.ds.transaction((em) => db.consumer.handle('cases', [again], em))).toBe(0);
    expect(await db.alertsAbout(card.aggregateId)).toHaveLength(1);
  });
});
