import { CALENDAR_CHANNEL, createLogger } from '@sunlight/shared';
import { createTestDatabase, type TestDatabase } from '@sunlight/shared/testing';
import { Client } from 'pg';
import { ScopeChangeClock } from './change-clock';
import { ChangeFeed } from './change-feed';

describe('ChangeFeed', () => {
  let db: TestDatabase;
  let client: Client;
  let feed: ChangeFeed;
  const clock = new ScopeChangeClock();

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    feed = new ChangeFeed(clock, {
      databaseUrl: db.url,
      sources: ['cases'],
      settleMs: 60_000,
      logger: createLogger('test'),
    });
    await feed.start();
  });
  afterAll(async () => {
    await feed.stop();
    await client.end();
    await db.drop();
  });

  const heard = () =>
    new Promise<void>((resolve) => {
      const off = feed.subscribe(() => {
        off();
        resolve();
      });
    });

  it("marks only the unit's scopes on an outbox NOTIFY", async () => {
    const before = clock.sequence;
    const next = heard();
    await client.query("SELECT pg_notify('sunlight_outbox_cases', '139901000000')");
    await next;
    expect(clock.changedSince('139901', before)).toBe(true);
    expect(clock.changedSince('139902', before)).toBe(false);
  });

  it('marks every scope when the working calendar is loaded (deadlines move everywhere)', async () => {
    const before = clock.sequence;
    const next = heard();
    await client.query('SELECT pg_notify($1, $2)', [CALENDAR_CHANNEL, '2099']);
    await next;
    for (const scope of ['1399', '139901', '139902001003']) expect(clock.changedSince(scope, before)).toBe(true);
  });
});
