import { generateDemoData } from '@sunlight/powers';
import { Role } from '@sunlight/shared';
import { ADVANCE_CASE, APPLICANT, attachment, FILE_CASE } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const TOWNSHIP = '139901001000';
const COMPLETE_CASE =
  'mutation($input: CompleteCaseInput!, $key: String!) { completeCase(input: $input, idempotencyKey: $key) { status outcome } }';

/**
 * Issue 16, finding 6: a power of the township's 财政所 is handled by that department, not the
 * service window. The demo has a clerk in every department, so the 财政所 clerk files and handles
 * the steps and the leader, who handled none, decides: no SEPARATION_OF_DUTIES.
 */
describe('a demo 财政所 case, with the demo accounts only', () => {
  const demo = generateDemoData();
  const finance = demo.departments.find((d) => d.unitCode === TOWNSHIP && d.code === 'CZS')!;
  // 农村集体“三资”监管审核: 受理 (受理岗), 审核 (审核岗), 决定 (审批岗); step 1 needs its materials
  const power = demo.powers.find(
    (p) => p.departmentId === finance.id && p.flow.length === 3 && p.checkpoints.every((c) => c.stepNo === 1),
  )!;
  const required = power.checkpoints.flatMap((c) => (c.params['attachments'] as string[] | undefined) ?? []);
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('is filed and advanced by the 财政所 clerk and decided by the leader', async () => {
    const clerk = await stack.demoToken({ role: Role.CLERK, unit: TOWNSHIP, department: 'CZS' });
    const reviewer = await stack.demoToken({ role: Role.CLERK, unit: TOWNSHIP, department: 'CZS', post: 'SH' });
    const windowClerk = await stack.tokenFor(Role.CLERK, TOWNSHIP);
    const leader = await stack.tokenFor(Role.LEADER, TOWNSHIP);
    const input = { powerId: power.id, applicant: APPLICANT, details: '村级财务收支审核' };

    // the window clerk is not the responsible department, as before
    const refused = await stack.gql(FILE_CASE, { token: windowClerk, variables: { key: 'czs-file-window', input } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_RESPONSIBLE');

    const filed = await stack.gql<{ fileCase: { case: { id: string; status: string } } }>(FILE_CASE, {
      token: clerk,
      variables: { key: 'czs-file-0001', input },
    });
    expect(filed.errors).toBeUndefined();
    const caseId = filed.data!.fileCase.case.id;

    // a token limited to 审核岗 may not act on the 受理 step
    const wrongPost = await stack.gql(ADVANCE_CASE, {
      token: reviewer,
      variables: { key: 'czs-adv-post', input: { caseId, result: '受理' } },
    });
    expect(wrongPost.errors?.[0]?.extensions?.code).toBe('NOT_HANDLER');

    const accepted = await stack.gql<{ advanceCase: { currentStep: number } }>(ADVANCE_CASE, {
      token: clerk,
      variables: {
        key: 'czs-adv-1',
        input: { caseId, result: '材料齐全，予以受理', attachments: required.map((name) => attachment(name)) },
      },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.advanceCase.currentStep).toBe(2);
    const reviewed = await stack.gql<{ advanceCase: { currentStep: number } }>(ADVANCE_CASE, {
      token: reviewer,
      variables: { key: 'czs-adv-2', input: { caseId, result: '审核通过' } },
    });
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.advanceCase.currentStep).toBe(3);

    // the clerk who handled the steps may not also decide
    const selfDecided = await stack.gql(COMPLETE_CASE, {
      token: clerk,
      variables: { key: 'czs-done-clerk', input: { caseId, outcome: 'APPROVED', result: '同意' } },
    });
    expect(selfDecided.errors?.[0]?.extensions?.code).toBe('SEPARATION_OF_DUTIES');

    const decided = await stack.gql<{ completeCase: { status: string; outcome: string } }>(COMPLETE_CASE, {
      token: leader,
      variables: { key: 'czs-done-leader', input: { caseId, outcome: 'APPROVED', result: '同意' } },
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.completeCase).toEqual({ status: 'COMPLETED', outcome: 'APPROVED' });
  });
});
