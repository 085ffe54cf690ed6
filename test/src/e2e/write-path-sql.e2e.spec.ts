import { Role } from '@sunlight/shared';
import { ADVANCE_CASE, fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';
const COMPLETE_CASE =
  'mutation($input: CompleteCaseInput!, $key: String!) { completeCase(input: $input, idempotencyKey: $key) { id status outcome currentStep completedAt } }';
const LOOKUP =
  'query($n: String!, $q: String!) { caseProgress(number: $n, queryCode: $q) { status currentStep currentStepDeadline steps { stepNo name state finishedAt } events { seq kind at hash } } }';

let stack: Stack;
let powerId: string;
let counting = false;
const statements: Record<string, string[]> = {};

beforeAll(async () => {
  stack = await startStack({
    // Only what requests run: a rollup catch-up or calendar check woken by a NOTIFY meanwhile is not the operation's.
    onQuery: (subgraph, sql, inRequest) => {
      if (counting && inRequest) (statements[subgraph] ??= []).push(sql.replace(/\s+/g, ' ').slice(0, 160));
    },
  });
  powerId = await publishTestPower(stack, { unit: COUNTY, code: 'SQL-COUNT-1' });
});

afterAll(() => stack?.stop());

/** Runs `operation` and returns what it answered and the statements each subgraph ran for it. */
async function measured<T>(
  operation: () => Promise<T>,
): Promise<{ result: T; cases: number; powers: number; sql: string[] }> {
  for (const key of Object.keys(statements)) delete statements[key];
  counting = true;
  const result = await operation();
  counting = false;
  const cases = statements['cases'] ?? [];
  const powers = statements['powers'] ?? [];
  return {
    result,
    cases: cases.length,
    powers: powers.length,
    sql: [...cases.map((s) => `cases: ${s}`), ...powers.map((s) => `powers: ${s}`)],
  };
}

/** Files a case and takes it through every step to completion, counting each operation's statements. */
async function fileAndComplete(n: number) {
  const clerk = await stack.tokenFor(Role.CLERK, COUNTY);
  const leader = await stack.tokenFor(Role.LEADER, COUNTY);
  const file = await measured(() => fileCase(stack, COUNTY, powerId, `sql-file-${n}`));
  expect(file.result.errors).toBeUndefined();
  const { id, number } = file.result.data!.fileCase.case;
  const { queryCode } = file.result.data!.fileCase;
  const filed = await stack.gql<{ case: unknown }>(`{ case(id: "${id}") { id number status currentStep } }`, {
    token: clerk,
  });
  expect(filed.data!.case).toEqual(file.result.data!.fileCase.case);
  const advances = [];
  for (const step of [1, 2]) {
    const advance = await measured(() =>
      stack.gql<{ advanceCase: { id: string; status: string; currentStep: number } }>(ADVANCE_CASE, {
        token: clerk,
        variables: { key: `sql-adv-${n}-${step}`, input: { caseId: id, result: '同意' } },
      }),
    );
    expect(advance.result.errors).toBeUndefined();
    expect(advance.result.data!.advanceCase).toEqual({ id, status: 'IN_PROGRESS', currentStep: step + 1 });
    advances.push(advance);
  }
  const complete = await measured(() =>
    stack.gql<{
      completeCase: { id: string; status: string; outcome: string; currentStep: number; completedAt: string };
    }>(COMPLETE_CASE, {
      token: leader,
      variables: { key: `sql-done-${n}`, input: { caseId: id, outcome: 'APPROVED', result: '准予' } },
    }),
  );
  expect(complete.result.errors).toBeUndefined();
  expect(complete.result.data!.completeCase).toMatchObject({
    id,
    status: 'COMPLETED',
    outcome: 'APPROVED',
    currentStep: 3,
  });
  // The answer comes from the transaction, not from reading the case again: it must be what a read gives.
  const read = await stack.gql<{ case: unknown }>(
    `{ case(id: "${id}") { id status outcome currentStep completedAt } }`,
    { token: leader },
  );
  expect(read.data!.case).toEqual(complete.result.data!.completeCase);
  const lookup = await measured(() =>
    stack.gql<{ caseProgress: { status: string; events: { kind: string }[] } }>(LOOKUP, {
      variables: { n: number, q: queryCode },
    }),
  );
  expect(lookup.result.errors).toBeUndefined();
  expect(lookup.result.data!.caseProgress.status).toBe('COMPLETED');
  expect(lookup.result.data!.caseProgress.events.map((e) => e.kind)).toEqual([
    'FILED',
    'STEP_ADVANCED',
    'STEP_ADVANCED',
    'COMPLETED',
  ]);
  return { file, advances, complete, lookup };
}

describe('the write path and the public lookup cost a pinned number of SQL statements', () => {
  it('files, advances, completes and looks a case up within the counts', async () => {
    const first = await fileAndComplete(1);
    const warm = await fileAndComplete(2);
    const counts = (r: typeof warm) => ({
      file: { cases: r.file.cases, powers: r.file.powers },
      advance: r.advances.map((a) => a.cases),
      complete: r.complete.cases,
      lookup: r.lookup.cases,
    });
    console.log(
      `write-path SQL statements: first ${JSON.stringify(counts(first))}; warm ${JSON.stringify(counts(warm))}\n${[...warm.file.sql, ...warm.advances[0]!.sql, ...warm.complete.sql, ...warm.lookup.sql].join('\n')}`,
    );
    // Filing: the idempotency record, one statement for the number, the case and its first step, the
    // trace (event and head), the outbox, the stored result, and the transaction; nothing read back.
    // Powers: the published version is asked every time; its content only the first time, and so is
    // the clerk's account, which the gateway checks once and then trusts for 30 s (issue 12, tokens).
    expect(counts(first)).toEqual({ file: { cases: 8, powers: 8 }, advance: [10, 10], complete: 10, lookup: 3 });
    expect(counts(warm)).toEqual({ file: { cases: 8, powers: 2 }, advance: [10, 10], complete: 10, lookup: 3 });
  });
});
