import { ActivitySimulator, type ActivityCounts } from '@sunlight/deploy';
import { Role, createLogger } from '@sunlight/shared';
import { startStack, type Stack } from '../support/start-stack';

const CASE = `query($id: ID!) { case(id: $id) { number status currentStep steps { stepNo state } events { kind actor } } }`;
const RATE = 'mutation($input: RateCaseInput!, $key: String!) { rateCase(input: $input, idempotencyKey: $key) { id } }';

interface TracedCase {
  number: string;
  status: string;
  currentStep: number;
  steps: { stepNo: number; state: string }[];
  events: { kind: string; actor: string }[];
}

// The activity simulator against the real federation (demo catalog, real HTTP through the gateway),
// at a fast pace for a bounded number of actions, with clerks who get a rule wrong half the time
// (so the API refuses some of their attempts) and a cases service that crashes for a moment.
describe('demo activity simulator', () => {
  let stack: Stack;
  let simulator: ActivitySimulator;
  let counts: ActivityCounts;
  let startedAt: Date;

  beforeAll(async () => {
    stack = await startStack();
    startedAt = new Date();
    simulator = new ActivitySimulator({
      gatewayUrl: stack.gatewayUrl,
      tokens: stack.tokens,
      intervalMs: 20,
      seed: 16,
      logger: createLogger('demo-activity-e2e'),
      maxActions: 70,
      maxOpenCases: 3,
      habits: { slipRate: 0.5 },
    }).start();
    // While it runs, the cases service goes down and comes back: the simulator retries, same keys.
    while (simulator.counts().actions < 15) await new Promise((resolve) => setTimeout(resolve, 50));
    const restart = await stack.kill('cases');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await restart();
    await simulator.done;
    counts = simulator.counts();
  }, 300_000);
  afterAll(async () => {
    await simulator?.stop();
    await stack?.stop();
  });

  const leaderToken = (unit: string) => stack.tokenFor(Role.LEADER, unit);
  const traced = async (id: string, unit: string): Promise<TracedCase> => {
    const r = await stack.gql<{ case: TracedCase }>(CASE, { token: await leaderToken(unit), variables: { id } });
    expect(r.errors).toBeUndefined();
    return r.data!.case;
  };

  it('spends its actions, keeping on through refusals and an outage', () => {
    expect(counts.actions).toBe(70);
    expect(Object.values(counts.refused).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(counts.refusalCodes['CHECKPOINT_VIOLATED']).toBeGreaterThan(0);
    expect(counts.unanswered).toBeGreaterThan(0);
  });

  it('files cases, advances them and completes some, each as the API tells it', async () => {
    const cases = simulator.cases();
    expect(cases.length).toBe(counts.done.fileCase);
    expect(cases.length).toBeGreaterThanOrEqual(3);
    let advanced = 0;
    let completed = 0;
    for (const c of cases) {
      const seen = await traced(c.id, c.unit);
      expect(seen.number).toBe(c.number);
      expect(seen.events[0]?.kind).toBe('FILED');
      if (seen.events.some((e) => e.kind === 'STEP_ADVANCED')) advanced += 1;
      if (seen.status === 'COMPLETED') {
        completed += 1;
        expect(seen.steps.every((s) => s.state === 'DONE')).toBe(true);
        // Separation of duties: whoever decided it filed and handled no earlier step.
        const decider = seen.events.find((e) => e.kind === 'COMPLETED')!.actor;
        const handlers = seen.events
          .filter((e) => e.kind === 'FILED' || e.kind === 'STEP_ADVANCED')
          .map((e) => e.actor);
        expect(handlers).not.toContain(decider);
      }
    }
    expect(advanced).toBeGreaterThanOrEqual(2);
    expect(completed).toBeGreaterThanOrEqual(1);
  });

  it('files each case once, though the cases service went down while it filed', async () => {
    const [row]: { n: string }[] = await stack.subgraphs['cases']!.dataSource.query(
      `SELECT count(*) AS n FROM "case" WHERE received_at >= $1`,
      [startedAt],
    );
    expect(Number(row!.n)).toBe(counts.done.fileCase);
  });

  it('puts a refused step right and moves on: a checkpoint block followed by progress on the same case', async () => {
    let putRight = 0;
    for (const c of simulator.cases()) {
      const kinds = (await traced(c.id, c.unit)).events.map((e) => e.kind);
      const blocked = kinds.indexOf('CHECKPOINT_BLOCKED');
      if (blocked >= 0 && kinds.slice(blocked + 1).some((k) => k === 'STEP_ADVANCED' || k === 'COMPLETED'))
        putRight += 1;
    }
    expect(putRight).toBeGreaterThanOrEqual(1);
  });

  it('rates finished stages as a citizen: each rated stage is recorded (a second rating is refused)', async () => {
    const ratings = simulator.records().filter((r) => r.kind === 'rating');
    expect(ratings.length).toBeGreaterThanOrEqual(1);
    expect(ratings.length).toBe(counts.done.rateCase);
    const cases = simulator.cases();
    for (const r of ratings) {
      const c = cases.find((x) => x.number === r.caseNumber)!;
      const again = await stack.gql(RATE, {
        variables: {
          key: `again-${r.caseNumber}-${r.stepNo}`,
          input: { caseNumber: r.caseNumber, queryCode: c.queryCode, stepNo: r.stepNo, score: 3 },
        },
      });
      expect(again.errors?.[0]?.extensions?.code).toBe('ALREADY_RATED');
    }
  });

  it('files complaints the complainant can follow', async () => {
    const complaints = simulator.records().filter((r) => r.kind === 'complaint');
    expect(complaints.length).toBeGreaterThanOrEqual(1);
    for (const c of complaints) {
      const r = await stack.gql<{ complaintProgress: { number: string; status: string } }>(
        'query($n: String!, $f: String!) { complaintProgress(number: $n, followUpCode: $f) { number status } }',
        { variables: { n: c.number, f: c.followUpCode } },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.complaintProgress.number).toBe(c.number);
    }
  });
});
