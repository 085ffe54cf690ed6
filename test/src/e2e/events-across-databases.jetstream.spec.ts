import { randomBytes, randomUUID } from 'node:crypto';
import { createAlertsSubgraph } from '@sunlight/alerts';
import { createCasesSubgraph, PowersClient } from '@sunlight/cases';
import {
  createLogger,
  publishEvent,
  requestScope,
  SigningKey,
  startSubgraph,
  TokenService,
  type RunningSubgraph,
} from '@sunlight/shared';
import {
  createTestDatabase,
  describeWithNats,
  openTestEventStream,
  type TestDatabase,
  type TestEventStream,
} from '@sunlight/shared/testing';

const TOWNSHIP = '139901001000';

/**
 * Two services, two databases, one event stream: what is written in the cases service's outbox
 * reaches the alerts service only through its relay and JetStream (neither database holds the
 * other's schema), exactly as `runSubgraphMain` wires them when `NATS_URL` is set.
 */
describeWithNats('Events across databases: cases → relay → JetStream → alerts', (natsUrl) => {
  let casesDb: TestDatabase;
  let alertsDb: TestDatabase;
  let events: TestEventStream;
  let cases: RunningSubgraph;
  let alerts: RunningSubgraph;

  beforeAll(async () => {
    [casesDb, alertsDb] = [await createTestDatabase(), await createTestDatabase()];
    events = await openTestEventStream(natsUrl);
    const key = () => new Uint8Array(randomBytes(32));
    const tokens = new TokenService(key(), key());
    const logger = createLogger('e2e');
    const stream = { natsUrl, stream: events.config };
    cases = await startSubgraph(
      createCasesSubgraph({
        powers: new PowersClient('http://127.0.0.1:9/graphql', tokens), // never called here
        schedulerIntervalMs: 0,
        checkpointKeys: { log: SigningKey.generate('cases-log'), supervision: SigningKey.generate('supervision') },
        checkpointIntervalMs: 0,
      }),
      { databaseUrl: casesDb.url, port: 0, tokens, logger, events: stream },
    );
    alerts = await startSubgraph(
      createAlertsSubgraph({
        consume: true,
        subgraphUrls: { cases: cases.url, evaluations: cases.url, complaints: cases.url }, // the risk index is not asked
      }),
      { databaseUrl: alertsDb.url, port: 0, tokens, logger, events: stream },
    );
  });
  afterAll(async () => {
    await alerts?.stop();
    await cases?.stop();
    await events?.remove();
    await casesDb?.drop();
    await alertsDb?.drop();
  });

  it("raises one alert in the alerts database for a card written in the cases database's outbox", async () => {
    const caseId = randomUUID();
    // As the cases service writes it: in its own transaction, as its own role, into its own outbox.
    const eventId = await requestScope.asSystem(() =>
      cases.serviceDataSource.transaction((em) =>
        publishEvent(em, 'cases', {
          topic: 'case.card_raised',
          unitCode: TOWNSHIP,
          aggregateId: caseId,
          payload: {
            caseId,
            number: `${TOWNSHIP}-2026-000042`,
            powerId: randomUUID(),
            powerVersion: 1,
            level: 'RED',
            step: 2,
            reason: 'step 2 is overdue',
            hash: 'b'.repeat(64),
          },
        }),
      ),
    );
    const alertsAbout = (): Promise<{ level: string; source: string; source_event_id: string }[]> =>
      alerts.dataSource.query('SELECT level, source, source_event_id::text FROM alerts.alert WHERE subject_id = $1', [
        caseId,
      ]);
    const deadline = Date.now() + 20_000;
    while ((await alertsAbout()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await alertsAbout()).toEqual([{ level: 'RED', source: 'cases', source_event_id: eventId }]);

    // The path was the stream's: neither database has the other's schema, and the relay's cursor moved.
    const schemas = async (ds: RunningSubgraph['dataSource']) =>
      ((await ds.query('SELECT nspname FROM pg_namespace')) as { nspname: string }[]).map((r) => r.nspname);
    expect(await schemas(alerts.dataSource)).not.toContain('cases');
    expect(await schemas(cases.dataSource)).not.toContain('alerts');
    expect(
      await cases.dataSource.query("SELECT last_id::text FROM cases.outbox_cursor WHERE consumer = 'relay'"),
    ).toEqual([{ last_id: eventId }]);
    const { state } = await events.stream.jsm.streams.info(events.config.name);
    expect(state.messages).toBe(1);
  });
});
