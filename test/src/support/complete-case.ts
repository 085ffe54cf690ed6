import { Role } from '@sunlight/shared';
import { ADVANCE_CASE, fileCase } from './case-fixtures';
import type { Stack } from './start-stack';

/** Files a case at `unit` under `powerId` and takes it through all three steps to APPROVED. */
export async function completeCase(
  stack: Stack,
  unit: string,
  powerId: string,
  key: string,
): Promise<{ id: string; number: string; queryCode: string }> {
  const clerk = await stack.tokenFor(Role.CLERK, unit);
  const leader = await stack.tokenFor(Role.LEADER, unit);
  const filed = await fileCase(stack, unit, powerId, `${key}-file`);
  if (filed.errors) throw new Error(JSON.stringify(filed.errors));
  const { id, number } = filed.data!.fileCase.case;
  for (const step of [1, 2]) {
    const r = await stack.gql(ADVANCE_CASE, {
      token: clerk,
      variables: { key: `${key}-adv${step}`, input: { caseId: id, result: '同意' } },
    });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  }
  const done = await stack.gql(
    'mutation($id: ID!, $k: String!) { completeCase(input: { caseId: $id, outcome: APPROVED, result: "准予" }, idempotencyKey: $k) { status } }',
    {
      token: leader,
      variables: { id, k: `${key}-done` },
    },
  );
  if (done.errors) throw new Error(JSON.stringify(done.errors));
  return { id, number, queryCode: filed.data!.fileCase.queryCode };
}
