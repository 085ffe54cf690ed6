import { Role } from '@sunlight/shared';
import { APPLICANT, fileCase, publishTestPower } from '../support/case-fixtures';
import { completeCase } from '../support/complete-case';
import { startStack, type Stack } from '../support/start-stack';

const TOWNSHIP_A = '139901001000';
const TOWNSHIP_B = '139901002000';
const COUNTY = '139901000000';
const RATE =
  'mutation($input: RateCaseInput!, $key: String!) { rateCase(input: $input, idempotencyKey: $key) { id score ratedOn } }';

describe('citizen ratings', () => {
  let stack: Stack;
  let powerA: string;
  let powerB: string;

  beforeAll(async () => {
    stack = await startStack();
    powerA = await publishTestPower(stack, { unit: TOWNSHIP_A, code: 'RATE-A' });
    powerB = await publishTestPower(stack, { unit: TOWNSHIP_B, code: 'RATE-B' });
  });
  afterAll(() => stack.stop());

  it('rates a finished stage once with the case number and query code; a low rating publishes an event without identity', async () => {
    const c = await completeCase(stack, TOWNSHIP_A, powerA, 'rate-1');
    const input = {
      caseNumber: c.number,
      queryCode: c.queryCode,
      stepNo: 3,
      score: 1,
      tags: ['ASKED_FOR_FAVOURS'],
      comment: '窗口人员暗示请客，态度恶劣',
    };
    const first = await stack.gql<{ rateCase: { id: string; score: number } }>(RATE, {
      variables: { input, key: 'rate-1-a' },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.rateCase.score).toBe(1);
    const retry = await stack.gql<{ rateCase: { id: string } }>(RATE, { variables: { input, key: 'rate-1-a' } });
    expect(retry.data!.rateCase.id).toBe(first.data!.rateCase.id); // the same request retried
    const second = await stack.gql(RATE, {
      variables: { input: { ...input, score: 5, comment: undefined }, key: 'rate-1-b' },
    });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_RATED', field: 'stepNo' });

    const ds = stack.subgraphs['evaluations']!.dataSource;
    const events: { topic: string; payload: Record<string, unknown> }[] = await ds.query(
      `SELECT topic, payload FROM outbox WHERE topic = 'rating.low'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      unitCode: TOWNSHIP_A,
      score: 1,
      stepNo: 3,
      tags: ['ASKED_FOR_FAVOURS'],
    });
    const stored = JSON.stringify({ events, ratings: await ds.query('SELECT * FROM rating') });
    for (const secret of [c.id, c.number, c.queryCode, APPLICANT.name, APPLICANT.phone, APPLICANT.idNumber])
      expect(stored).not.toContain(secret);
  });

  it('refuses unfinished stages, wrong codes, bad scores and the public API never offers the service-only case lookup', async () => {
    const filed = await fileCase(stack, TOWNSHIP_A, powerA, 'rate-2-file');
    const { number } = filed.data!.fileCase.case;
    const code = filed.data!.fileCase.queryCode;
    const unfinished = await stack.gql(RATE, {
      variables: { key: 'rate-2-a', input: { caseNumber: number, queryCode: code, stepNo: 1, score: 4 } },
    });
    expect(unfinished.errors?.[0]?.extensions).toMatchObject({ code: 'STAGE_NOT_FINISHED', field: 'stepNo' });
    const wrong = await stack.gql(RATE, {
      variables: { key: 'rate-2-b', input: { caseNumber: number, queryCode: 'ZZZZZZZZ', stepNo: 1, score: 4 } },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'CASE_NOT_FOUND', field: 'caseNumber' });
    const bad = await stack.gql(RATE, {
      variables: {
        key: 'rate-2-c',
        input: { caseNumber: number, queryCode: code, stepNo: 1, score: 7, comment: 'x'.repeat(501) },
      },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect((bad.errors?.[0]?.extensions?.['problems'] as { field: string }[]).map((p) => p.field)).toEqual([
      'score',
      'comment',
    ]);
    const hidden = await stack.gql(`{ ratableCase(number: "${number}", queryCode: "${code}") { caseId } }`);
    expect(hidden.errors?.[0]?.message).toMatch(/Cannot query field "ratableCase"/);
  });

  it('satisfaction for a county equals a direct SQL over the same ratings, and comments stay in scope', async () => {
    const scores = [5, 4, 4, 2, 3, 5];
    for (const [i, score] of scores.entries()) {
      const unit = i % 2 === 0 ? TOWNSHIP_A : TOWNSHIP_B;
      const c = await completeCase(stack, unit, i % 2 === 0 ? powerA : powerB, `rate-3-${i}`);
      const r = await stack.gql(RATE, {
        variables: {
          key: `rate-3-${i}-r`,
          input: { caseNumber: c.number, queryCode: c.queryCode, stepNo: 2, score, comment: `评价${i}` },
        },
      });
      expect(r.errors).toBeUndefined();
    }
    const ds = stack.subgraphs['evaluations']!.dataSource;
    const [expected] = await ds.query(
      `SELECT count(*)::int AS count, round(avg(score)::numeric, 2)::float AS average,
              round(avg(CASE WHEN score >= 4 THEN 1.0 ELSE 0 END), 4)::float AS satisfied,
              round(avg(CASE WHEN score <= 2 THEN 1.0 ELSE 0 END), 4)::float AS dissatisfied
         FROM rating WHERE unit_code BETWEEN '139901000000' AND '139901999999'`,
    );
    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const res = await stack.gql<{ unit: { name: string; satisfaction: Record<string, number> } }>(
      `{ unit(code: "${COUNTY}") { name satisfaction(from: "2020-01-01", to: "2100-01-01") { count average satisfiedShare dissatisfiedShare rank peers } } }`,
      { token: inspector },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.unit.satisfaction).toMatchObject({
      count: expected.count,
      average: expected.average,
      satisfiedShare: expected.satisfied,
      dissatisfiedShare: expected.dissatisfied,
      rank: 1,
      peers: 1,
    });
    expect(expected.count).toBe(7); // six here and the low rating of the first test

    // the public reads aggregates only
    const pub = await stack.gql<{ unit: { satisfaction: { count: number } } }>(
      `{ unit(code: "${COUNTY}") { satisfaction(from: "2020-01-01", to: "2100-01-01") { count } } }`,
    );
    expect(pub.data!.unit.satisfaction.count).toBe(7);
    const pubComments = await stack.gql(
      `{ unit(code: "${COUNTY}") { ratingComments(from: "2020-01-01", to: "2100-01-01", first: 10) { edges { node { comment } } } } }`,
    );
    expect(pubComments.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // a township leader reads its own comments and cannot read the other township's
    const leaderA = await stack.tokenFor(Role.LEADER, TOWNSHIP_A);
    const own = await stack.gql<{ unit: { ratingComments: { edges: { node: Record<string, unknown> }[] } } }>(
      `{ unit(code: "${TOWNSHIP_A}") { ratingComments(from: "2020-01-01", to: "2100-01-01", first: 20) { edges { node { id score comment ratedOn source stepNo } } } } }`,
      { token: leaderA },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.unit.ratingComments.edges.map((e) => e.node['comment']).sort()).toEqual([
      '窗口人员暗示请客，态度恶劣',
      '评价0',
      '评价2',
      '评价4',
    ]);
    for (const { node } of own.data!.unit.ratingComments.edges)
      expect(Object.keys(node).sort()).toEqual(['comment', 'id', 'ratedOn', 'score', 'source', 'stepNo']);
    const other = await stack.gql(
      `{ unit(code: "${TOWNSHIP_B}") { ratingComments(from: "2020-01-01", to: "2100-01-01", first: 20) { edges { node { comment } } } } }`,
      { token: leaderA },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('OUT_OF_SCOPE');
    const clerk = await stack.gql(
      `{ unit(code: "${TOWNSHIP_A}") { ratingComments(from: "2020-01-01", to: "2100-01-01", first: 20) { edges { node { comment } } } } }`,
      {
        token: await stack.tokenFor(Role.CLERK, TOWNSHIP_A),
      },
    );
    expect(clerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('window devices rate their department', async () => {
    const admin = await stack.tokenFor(Role.ADMIN, TOWNSHIP_A);
    const depts = await stack.gql<{
      unit: { departments: { id: string; supervisory: boolean; satisfaction: { count: number } }[] };
    }>(`{ unit(code: "${TOWNSHIP_A}") { departments { id supervisory } } }`, { token: admin });
    const departmentId = depts.data!.unit.departments.find((d) => !d.supervisory)!.id;
    const reg = await stack.gql<{ registerRatingDevice: { id: string; deviceKey: string } }>(
      'mutation($i: RegisterDeviceInput!) { registerRatingDevice(input: $i, idempotencyKey: "dev-reg-0001") { id name deviceKey } }',
      { token: admin, variables: { i: { unitCode: TOWNSHIP_A, departmentId, name: '便民服务中心1号窗口评价器' } } },
    );
    expect(reg.errors).toBeUndefined();
    const again = await stack.gql<{ registerRatingDevice: { id: string; deviceKey: string } }>(
      'mutation($i: RegisterDeviceInput!) { registerRatingDevice(input: $i, idempotencyKey: "dev-reg-0001") { id deviceKey } }',
      { token: admin, variables: { i: { unitCode: TOWNSHIP_A, departmentId, name: '便民服务中心1号窗口评价器' } } },
    );
    expect(again.data!.registerRatingDevice).toEqual({
      id: reg.data!.registerRatingDevice.id,
      deviceKey: reg.data!.registerRatingDevice.deviceKey,
    });
    const rate = await stack.gql(
      'mutation($i: RateServiceInput!) { rateService(input: $i, idempotencyKey: "dev-rate-0001") { score } }',
      {
        variables: { i: { deviceKey: reg.data!.registerRatingDevice.deviceKey, score: 5, tags: ['ATTITUDE'] } },
      },
    );
    expect(rate.errors).toBeUndefined();
    const bogus = await stack.gql(
      'mutation($i: RateServiceInput!) { rateService(input: $i, idempotencyKey: "dev-rate-0002") { score } }',
      { variables: { i: { deviceKey: 'nope', score: 5 } } },
    );
    expect(bogus.errors?.[0]?.extensions?.code).toBe('DEVICE_NOT_FOUND');
    const sat = await stack.gql<{
      unit: { departments: { id: string; satisfaction: { count: number; average: number } }[] };
    }>(
      `{ unit(code: "${TOWNSHIP_A}") { departments { id satisfaction(from: "2020-01-01", to: "2100-01-01") { count average } } } }`,
      { token: admin },
    );
    expect(sat.errors).toBeUndefined();
    expect(sat.data!.unit.departments.find((d) => d.id === departmentId)!.satisfaction.count).toBeGreaterThanOrEqual(1);
  });
});
