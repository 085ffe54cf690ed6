import { AlertConsumer } from '@sunlight/alerts';
import { startGateway } from '@sunlight/gateway';
import { composeSupergraph } from '@sunlight/deploy';
import { createLogger, createServiceDataSource, publishEvent, Role } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { ADVANCE_CASE, fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';
import { Subscriber } from '../support/ws-subscriber';

const COUNTY = '139903000000';
const TOWNSHIP = '139903001000';
/** The power the synthetic card events name (the alerts rules copy it into the details). */
const POWER_ID = '00000000-0000-4000-8000-0000000000aa';

describe('alerts: replicas, disposal', () => {
  let stack: Stack;
  let second: DataSource;
  beforeAll(async () => {
    stack = await startStack(); // consumers driven by the test
    second = createServiceDataSource({ url: stack.databaseUrl, schema: 'alerts', entities: [], migrations: [] });
    await second.initialize();
  });
  afterAll(async () => {
    await second.destroy();
    await stack.stop();
  });

  const raise = (n: number, level: 'REMINDER' | 'YELLOW' | 'RED' = 'RED') =>
    stack.subgraphs['cases']!.dataSource.transaction((em) =>
      publishEvent(em, 'cases', {
        topic: 'case.card_raised',
        unitCode: TOWNSHIP,
        aggregateId: `c-${n}`,
        payload: {
          caseId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          number: `R-${n}`,
          powerId: POWER_ID,
          powerVersion: 1,
          level,
          step: 2,
          reason: 'overdue',
          hash: `h-${n}`,
        },
      }),
    );

  it('two alerts-service instances raise each alert once, and a repeated event does not repeat it', async () => {
    for (let i = 1; i <= 30; i++) await raise(i);
    await raise(5); // the same subject, kind and level again
    const a = new AlertConsumer(stack.subgraphs['alerts']!.dataSource, createLogger('test'));
    const b = new AlertConsumer(second, createLogger('test'));
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra + rb).toBe(30);
    const [{ n, distinct }] = await second.query(
      `SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS distinct FROM alert WHERE title LIKE '%R-%'`,
    );
    expect({ n, distinct }).toEqual({ n: 30, distinct: 30 });
    const seqs: { seq: string }[] = await second.query(`SELECT seq FROM alert ORDER BY raised_at, seq`);
    expect(new Set(seqs.map((s) => s.seq)).size).toBe(seqs.length);
  });

  it('lists, acknowledges and disposes of alerts in scope', async () => {
    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const list = await stack.gql<{
      alerts: { edges: { node: { id: string; status: string; level: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(
      '{ alerts(first: 10, filter: { minLevel: RED, kinds: [CARD] }) { edges { node { id status level } } pageInfo { hasNextPage } } }',
      { token: inspector },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.alerts.edges).toHaveLength(10);
    expect(list.data!.alerts.pageInfo.hasNextPage).toBe(true);
    const id = list.data!.alerts.edges[0]!.node.id;
    const ack = await stack.gql<{ acknowledgeAlert: { status: string } }>(
      `mutation { acknowledgeAlert(id: "${id}", idempotencyKey: "alert-ack-1") { status } }`,
      { token: inspector },
    );
    expect(ack.data!.acknowledgeAlert.status).toBe('ACKNOWLEDGED');
    const disposed = await stack.gql<{ disposeAlert: { status: string; disposal: { kind: string; by: string } } }>(
      `mutation { disposeAlert(id: "${id}", kind: NOTICE_ISSUED, note: "已发检查建议书", idempotencyKey: "alert-dis-1") { status disposal { kind note by at } } }`,
      { token: inspector },
    );
    expect(disposed.data!.disposeAlert).toMatchObject({
      status: 'DISPOSED',
      disposal: { kind: 'NOTICE_ISSUED', by: `inspector.${COUNTY}` },
    });
    const again = await stack.gql(
      `mutation { disposeAlert(id: "${id}", kind: DISMISSED, note: "重复处置", idempotencyKey: "alert-dis-2") { status } }`,
      { token: inspector },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('ALERT_DISPOSED');
    const outsider = await stack.gql(`{ alert(id: "${id}") { id } }`, {
      token: await stack.tokenFor(Role.INSPECTOR, '139901000000'),
    });
    expect(outsider.errors?.[0]?.extensions?.code).toBe('ALERT_NOT_FOUND');
    const clerk = await stack.gql('{ alerts(first: 5) { edges { node { id } } } }', {
      token: await stack.tokenFor(Role.CLERK, TOWNSHIP),
    });
    expect(clerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('two gateway instances each deliver to their own subscribers', async () => {
    const other = await startGateway({
      supergraphSdl: await composeSupergraph(),
      subgraphUrls: Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])),
      tokens: stack.tokens,
      logger: createLogger('gateway-2'),
      port: 0,
      production: false,
      databaseUrl: stack.databaseUrl,
      alertPollMs: 500,
    });
    const token = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const query = 'subscription { alertRaised(filter: { kinds: [CARD] }) { id title } }';
    const one = await new Subscriber(stack.gatewayUrl, token, query).start();
    const two = await new Subscriber(other.url, token, query).start();
    try {
      await raise(100, 'YELLOW');
      await new AlertConsumer(stack.subgraphs['alerts']!.dataSource, createLogger('test')).drain();
      await Promise.all([one.waitFor(1, 3000), two.waitFor(1, 3000)]);
      expect(one.received.map((r) => (r.data['alertRaised'] as { title: string }).title)).toEqual([
        expect.stringContaining('R-100'),
      ]);
      expect(two.received.map((r) => (r.data['alertRaised'] as { title: string }).title)).toEqual([
        expect.stringContaining('R-100'),
      ]);
    } finally {
      await one.close();
      await two.close();
      await other.stop();
    }
  });

  it('raises an alert, with typed details, for each payment red-line breach on one case, live and in the list', async () => {
    // 立项 → 验收拨付: the payment rule sits on the last step, where the payment comes with the decision
    const powerId = await publishTestPower(stack, {
      unit: TOWNSHIP,
      code: 'PAY-RL-1',
      steps: [
        { name: '立项', days: 1 },
        { name: '验收拨付', days: 2 },
      ],
      checkpoints: [
        { stepNo: 2, kind: 'PAYMENT_WITHIN_PROGRESS', params: {}, legalBasis: '《保障中小企业款项支付条例》第九条' },
      ],
    });
    const filed = await fileCase(stack, TOWNSHIP, powerId, 'pay-rl-file-1');
    const { id: caseId, number } = filed.data!.fileCase.case;
    const advanced = await stack.gql(ADVANCE_CASE, {
      token: await stack.tokenFor(Role.CLERK, TOWNSHIP),
      variables: {
        key: 'pay-rl-adv-1',
        input: { caseId, result: '合同已签订', amounts: { contractPrice: 1_000_000, progress: 0.5 } },
      },
    });
    expect(advanced.errors).toBeUndefined();
    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const live = await new Subscriber(
      stack.gatewayUrl,
      inspector,
      'subscription { alertRaised(filter: { kinds: [CHECKPOINT_BLOCKED] }) { title details { __typename ... on CheckpointAlertDetails { number step } } } }',
    ).start();
    const leader = await stack.tokenFor(Role.LEADER, TOWNSHIP);
    const COMPLETE =
      'mutation($input: CompleteCaseInput!, $key: String!) { completeCase(input: $input, idempotencyKey: $key) { status } }';
    const pay = (payment: number, key: string) =>
      stack.gql<{ completeCase: { status: string } }>(COMPLETE, {
        token: leader,
        variables: { key, input: { caseId, outcome: 'APPROVED', result: '验收合格，拨付', payment } },
      });
    try {
      for (const [payment, key] of [
        [600_000, 'pay-rl-1'],
        [700_000, 'pay-rl-2'],
      ] as const) {
        const refused = await pay(payment, key);
        expect(refused.errors?.[0]?.extensions?.code).toBe('CHECKPOINT_VIOLATED');
      }
      await new AlertConsumer(stack.subgraphs['alerts']!.dataSource, createLogger('test')).drain();
      await live.waitFor(2, 3000);
      expect(live.received.map((r) => r.data['alertRaised'])).toEqual([
        { title: expect.stringContaining(number), details: { __typename: 'CheckpointAlertDetails', number, step: 2 } },
        { title: expect.stringContaining(number), details: { __typename: 'CheckpointAlertDetails', number, step: 2 } },
      ]);
    } finally {
      await live.close();
    }
    const list = await stack.gql<{
      alerts: {
        edges: {
          node: { details: { number: string; violations: { kind: string; values: Record<string, unknown> }[] } };
        }[];
      };
    }>(
      '{ alerts(first: 10, filter: { kinds: [CHECKPOINT_BLOCKED] }) { edges { node { details { ... on CheckpointAlertDetails { number violations { kind legalBasis values } } } } } } }',
      { token: inspector },
    );
    expect(list.errors).toBeUndefined();
    const paid = list
      .data!.alerts.edges.map((e) => e.node.details)
      .filter((d) => d.number === number)
      .map((d) => d.violations.map((v) => [v.kind, v.values['paidTotal']]));
    expect(paid.sort()).toEqual([[['PAYMENT_WITHIN_PROGRESS', 600_000]], [['PAYMENT_WITHIN_PROGRESS', 700_000]]]);
    // within progress, the same completion passes
    expect((await pay(500_000, 'pay-rl-3')).data?.completeCase.status).toBe('COMPLETED');
  });
});
