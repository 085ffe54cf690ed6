import { Role } from '@sunlight/shared';
import { ADVANCE_CASE, APPLICANT, attachment, fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const VILLAGE = '139901001001';
const SIBLING_VILLAGE = '139901001002';
const TOWNSHIP = '139901001000';
const OTHER_COUNTY = '139902000000';

describe('cases: scope, personal data and tamper evidence', () => {
  let stack: Stack;
  let siblingCase: { id: string; number: string };
  let ownCase: { id: string; number: string };

  beforeAll(async () => {
    stack = await startStack();
    const own = await publishTestPower(stack, { unit: VILLAGE, code: 'SCOPE-1' });
    const sibling = await publishTestPower(stack, { unit: SIBLING_VILLAGE, code: 'SCOPE-2' });
    ownCase = (await fileCase(stack, VILLAGE, own, 'scope-file-own')).data!.fileCase.case;
    siblingCase = (await fileCase(stack, SIBLING_VILLAGE, sibling, 'scope-file-sib')).data!.fileCase.case;
  });
  afterAll(() => stack.stop());

  it("a village clerk cannot see or act on another village's cases", async () => {
    const clerk = await stack.tokenFor(Role.CLERK, VILLAGE);
    const read = await stack.gql(`{ case(id: "${siblingCase.id}") { number } }`, { token: clerk });
    expect(read.errors?.[0]?.extensions?.code).toBe('CASE_NOT_FOUND');
    const act = await stack.gql(ADVANCE_CASE, {
      token: clerk,
      variables: {
        key: 'scope-adv-sib',
        input: { caseId: siblingCase.id, result: '越权办理', attachments: [attachment('x')] },
      },
    });
    expect(act.errors?.[0]?.extensions?.code).toBe('CASE_NOT_FOUND');
    const list = await stack.gql(`{ unit(code: "${SIBLING_VILLAGE}") { cases(first: 5) { edges { node { id } } } } }`, {
      token: clerk,
    });
    expect(list.errors?.[0]?.extensions?.code).toBe('OUT_OF_SCOPE');
    const own = await stack.gql<{ unit: { name: string; cases: { edges: { node: { id: string } }[] } } }>(
      `{ unit(code: "${VILLAGE}") { name cases(first: 5) { edges { node { id } } } } }`,
      { token: clerk },
    );
    expect(own.data!.unit.cases.edges.map((e) => e.node.id)).toEqual([ownCase.id]);
    // nothing about the attempt leaked into the sibling's trace
    const [{ n }] = await stack.subgraphs['cases']!.dataSource.query(
      'SELECT count(*)::int AS n FROM case_event WHERE case_id = $1',
      [siblingCase.id],
    );
    expect(n).toBe(1);
  });

  it('the township inspector sees both villages; another county sees neither', async () => {
    const inspector = await stack.tokenFor(Role.INSPECTOR, TOWNSHIP);
    const res = await stack.gql<{
      unit: { cases: { edges: { node: { id: string } }[] }; caseStats: { filed: number; open: number } };
    }>(
      `{ unit(code: "${TOWNSHIP}") { cases(first: 10) { edges { node { id } } } caseStats(from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { filed open } } }`,
      { token: inspector },
    );
    expect(res.errors).toBeUndefined();
    expect(new Set(res.data!.unit.cases.edges.map((e) => e.node.id))).toEqual(new Set([ownCase.id, siblingCase.id]));
    expect(res.data!.unit.caseStats).toEqual({ filed: 2, open: 2 });
    const outsider = await stack.tokenFor(Role.INSPECTOR, OTHER_COUNTY);
    const denied = await stack.gql(`{ case(id: "${ownCase.id}") { number } }`, { token: outsider });
    expect(denied.errors?.[0]?.extensions?.code).toBe('CASE_NOT_FOUND');
  });

  it('masks personal data for everyone but handlers, their leaders and inspectors in scope', async () => {
    const q = `{ case(id: "${ownCase.id}") { applicantName applicantIdNumber applicantPhone } }`;
    const full = {
      applicantName: APPLICANT.name,
      applicantIdNumber: APPLICANT.idNumber,
      applicantPhone: APPLICANT.phone,
    };
    const masked = { applicantName: '王**', applicantIdNumber: '1399**********1234', applicantPhone: '138****5678' };
    for (const [role, unit] of [
      [Role.CLERK, VILLAGE],
      [Role.LEADER, VILLAGE],
      [Role.INSPECTOR, TOWNSHIP],
    ] as const) {
      expect((await stack.gql<{ case: unknown }>(q, { token: await stack.tokenFor(role, unit) })).data?.case).toEqual(
        full,
      );
    }
    for (const [role, unit] of [
      [Role.ADMIN, VILLAGE],
      [Role.ADMIN, TOWNSHIP],
      [Role.CLERK, TOWNSHIP],
    ] as const) {
      expect((await stack.gql<{ case: unknown }>(q, { token: await stack.tokenFor(role, unit) })).data?.case).toEqual(
        masked,
      );
    }
    // and the public cannot read a case at all, only its progress with the code
    const anonymous = await stack.gql(q);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('CASE_NOT_FOUND');
  });

  it('refuses changes to the trace, and detects tampering done behind the application', async () => {
    const ds = stack.subgraphs['cases']!.dataSource;
    await expect(
      ds.query(`UPDATE case_event SET actor = 'someone-else' WHERE case_id = $1`, [ownCase.id]),
    ).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM case_event WHERE case_id = $1', [ownCase.id])).rejects.toThrow(/append-only/);

    const clerk = await stack.tokenFor(Role.CLERK, VILLAGE);
    const advanced = await stack.gql(ADVANCE_CASE, {
      token: clerk,
      variables: { key: 'scope-adv-own', input: { caseId: ownCase.id, result: '审查通过' } },
    });
    expect(advanced.errors).toBeUndefined();
    const leader = await stack.tokenFor(Role.LEADER, VILLAGE);
    const verify = `{ verifyCaseTrace(caseId: "${ownCase.id}") { ok events brokenAtSeq reason } }`;
    expect((await stack.gql<{ verifyCaseTrace: unknown }>(verify, { token: leader })).data!.verifyCaseTrace).toEqual({
      ok: true,
      events: 2,
      brokenAtSeq: null,
      reason: null,
    });

    // a superuser disables the triggers and rewrites the filing's payload
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query("SET session_replication_role = 'replica'");
      await runner.query(
        `UPDATE case_event SET payload = jsonb_set(payload, '{details}', '"篡改后的申请内容"') WHERE case_id = $1 AND seq = 1`,
        [ownCase.id],
      );
      await runner.query("SET session_replication_role = 'origin'");
    } finally {
      await runner.release();
    }
    expect((await stack.gql<{ verifyCaseTrace: unknown }>(verify, { token: leader })).data!.verifyCaseTrace).toEqual({
      ok: false,
      events: 0,
      brokenAtSeq: 1,
      reason: 'HASH_MISMATCH',
    });
  });

  it('detects a removed last event', async () => {
    const ds = stack.subgraphs['cases']!.dataSource;
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query("SET session_replication_role = 'replica'");
      await runner.query('DELETE FROM case_event WHERE case_id = $1 AND seq = 1', [siblingCase.id]);
      await runner.query("SET session_replication_role = 'origin'");
    } finally {
      await runner.release();
    }
    const leader = await stack.tokenFor(Role.LEADER, SIBLING_VILLAGE);
    const res = await stack.gql<{ verifyCaseTrace: { ok: boolean; brokenAtSeq: number } }>(
      `{ verifyCaseTrace(caseId: "${siblingCase.id}") { ok brokenAtSeq reason } }`,
      { token: leader },
    );
    expect(res.data!.verifyCaseTrace).toMatchObject({ ok: false, brokenAtSeq: 1 });
  });
});
