import { CardScheduler } from '@sunlight/cases';
import { ComplaintClock } from '@sunlight/complaints';
import { createLogger, publishEvent, Role } from '@sunlight/shared';
import { fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';
import { Subscriber } from '../support/ws-subscriber';

const COUNTY = '139901000000';
const SIBLING = '139902000000';
const VILLAGE = '139901003002';
const TOWNSHIP = '139901002000';
/** The power the synthetic card events name (the alerts rules copy it into the details). */
const POWER_ID = '00000000-0000-4000-8000-0000000000aa';
const ALERTS = `subscription($f: AlertFilter, $after: ID) {
  alertRaised(filter: $f, after: $after) { id seq kind level title unit { code name } case { number powerName power { name } } }
}`;

describe('live alerts through the gateway (graphql-ws)', () => {
  let stack: Stack;
  const open: Subscriber[] = [];
  const subscribe = async (token: string | undefined, variables: Record<string, unknown> = {}) => {
    const s = new Subscriber(stack.gatewayUrl, token, ALERTS, variables);
    open.push(s);
    return s.start();
  };

  beforeAll(async () => {
    stack = await startStack({ alerts: true });
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close().catch(() => undefined)));
    await stack.stop();
  });

  it('delivers a RED card to the county inspector within 2 s, with the power name; the sibling county gets nothing', async () => {
    const powerId = await publishTestPower(stack, {
      unit: VILLAGE,
      code: 'LIVE-1',
      steps: [
        { name: '受理', days: 5 },
        { name: '决定', days: 5 },
      ],
      statutoryDays: 30,
      promisedDays: 10,
    });
    const filed = await fileCase(stack, VILLAGE, powerId, 'live-file-1');
    const inspector = await subscribe(await stack.tokenFor(Role.INSPECTOR, COUNTY), { f: { minLevel: 'RED' } });
    const sibling = await subscribe(await stack.tokenFor(Role.INSPECTOR, SIBLING));
    const ds = stack.subgraphs['cases']!.dataSource;
    const [{ received_at: receivedAt }] = await ds.query('SELECT received_at FROM "case" WHERE id = $1', [
      filed.data!.fileCase.case.id,
    ]);
    const calendar = stack.cases.config().calendar;
    const scheduler = new CardScheduler(ds, stack.cases.config(), createLogger('test'));
    await scheduler.runOnce(new Date(`${calendar.addWorkingDays(receivedAt, 9)}T12:00:00+08:00`)); // REMINDER, YELLOW, RED at once
    const committed = Date.now();
    await inspector.waitFor(1, 3000);
    expect(inspector.received).toHaveLength(1);
    const alert = inspector.received[0]!.data['alertRaised'] as {
      level: string;
      kind: string;
      case: { number: string; powerName: string; power: { name: string } };
      unit: { name: string };
    };
    expect(alert).toMatchObject({
      level: 'RED',
      kind: 'CARD',
      case: {
        number: filed.data!.fileCase.case.number,
        powerName: '测试事项LIVE-1',
        power: { name: '测试事项LIVE-1' },
      },
    });
    expect(alert.unit.name).toBeTruthy();
    expect(inspector.received[0]!.at - committed).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sibling.received).toEqual([]);
    expect(inspector.received).toHaveLength(1); // the REMINDER and YELLOW were filtered out
  });

  it('replays exactly the alerts missed while disconnected, in order, then continues live', async () => {
    const token = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const first = await subscribe(token, { f: { kinds: ['CARD'] } });
    const cases = stack.subgraphs['cases']!.dataSource;
    const raise = async (n: number) => {
      await cases.transaction((em) =>
        publishEvent(em, 'cases', {
          topic: 'case.card_raised',
          unitCode: TOWNSHIP,
          aggregateId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          payload: {
            caseId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
            number: `T-${n}`,
            powerId: POWER_ID,
            powerVersion: 1,
            level: 'YELLOW',
            step: 1,
            reason: 'test',
            hash: `h-${n}`,
          },
        }),
      );
    };
    await raise(1);
    await first.waitFor(1);
    expect(first.received).toHaveLength(1);
    const lastSeen = (first.received[0]!.data['alertRaised'] as { id: string }).id;
    await first.close();
    for (let i = 2; i <= 101; i++) await raise(i);
    // wait until the alerts service has raised all of them
    const alertsDs = stack.subgraphs['alerts']!.dataSource;
    for (let t = 0; t < 300; t++) {
      const [{ n }] = await alertsDs.query(`SELECT count(*)::int AS n FROM alert WHERE title LIKE '%T-%'`);
      if (n >= 101) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const again = await subscribe(token, { f: { kinds: ['CARD'] }, after: lastSeen });
    await again.waitFor(100, 20_000); // each replayed alert is fetched through the gateway as the subscriber
    await new Promise((r) => setTimeout(r, 300));
    const numbers = again.received.map((r) => (r.data['alertRaised'] as { title: string }).title.match(/T-(\d+)/)![1]);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => String(i + 2)));
    const seqs = again.received.map((r) => BigInt((r.data['alertRaised'] as { seq: string }).seq));
    expect([...seqs].sort((a, b) => (a < b ? -1 : 1))).toEqual(seqs);
    await raise(102);
    await again.waitFor(101, 10_000);
    expect(again.received).toHaveLength(101);
  });

  it('closes the socket when the token expires, and refuses a bad token at init', async () => {
    const shortLived = await stack.tokenFor(Role.INSPECTOR, COUNTY, 2);
    const s = await subscribe(shortLived);
    for (let t = 0; t < 40 && s.closeCode === undefined; t++) await new Promise((r) => setTimeout(r, 100));
    expect(s.closeCode).toBe(4401);
    const bad = new Subscriber(stack.gatewayUrl, 'not-a-token', ALERTS);
    open.push(bad);
    await expect(bad.start()).rejects.toThrow('closed 4403');
  });

  it("never sends an alert about a complaint against a township's leadership to that township", async () => {
    const townshipInspector = await subscribe(await stack.tokenFor(Role.INSPECTOR, TOWNSHIP), {
      f: { kinds: ['COMPLAINT_OVERDUE'] },
    });
    const townshipLeader = await subscribe(await stack.tokenFor(Role.LEADER, TOWNSHIP));
    const county = await subscribe(await stack.tokenFor(Role.INSPECTOR, COUNTY), {
      f: { kinds: ['COMPLAINT_OVERDUE'] },
    });
    const filed = await stack.gql<{ fileComplaint: { number: string } }>(
      'mutation($i: FileComplaintInput!) { fileComplaint(input: $i, idempotencyKey: "live-cmp-1") { number } }',
      {
        variables: {
          i: {
            channel: 'WEB',
            category: 'ABUSE_OF_POWER',
            accused: { kind: 'LEADERSHIP', unitCode: TOWNSHIP },
            description: '镇主要领导干预工程招标，指定施工单位。',
          },
        },
      },
    );
    const ds = stack.subgraphs['complaints']!.dataSource;
    const [c] = await ds.query('SELECT received_at FROM complaint WHERE number = $1', [
      filed.data!.fileComplaint.number,
    ]);
    const config = stack.complaints.config();
    await new ComplaintClock(ds, config, createLogger('test')).runOnce(
      new Date(`${config.calendar.addWorkingDays(c.received_at, 16)}T12:00:00+08:00`),
    );
    await county.waitFor(1, 3000);
    expect(county.received.map((r) => (r.data['alertRaised'] as { kind: string }).kind)).toContain('COMPLAINT_OVERDUE');
    await new Promise((r) => setTimeout(r, 1000));
    expect(townshipInspector.received).toEqual([]);
    expect(townshipLeader.received).toEqual([]);
    // nor through the alerts query
    const list = await stack.gql<{ alerts: { edges: { node: { kind: string } }[] } }>(
      '{ alerts(first: 50) { edges { node { kind } } } }',
      { token: await stack.tokenFor(Role.INSPECTOR, TOWNSHIP) },
    );
    expect(list.data!.alerts.edges.map((e) => e.node.kind)).not.toContain('COMPLAINT_OVERDUE');
  });
});
