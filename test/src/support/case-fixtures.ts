import { findDemoAccount, generateDemoData } from '@sunlight/powers';
import { Role } from '@sunlight/shared';
import type { Stack } from './start-stack';

const demo = generateDemoData();

/** The demo clerk's department at `unit` (clerks belong to the unit's service window). */
export function clerkDepartment(unit: string): string {
  const clerk = findDemoAccount(demo, Role.CLERK, unit);
  if (!clerk?.departmentId) throw new Error(`no demo clerk at ${unit}`);
  return clerk.departmentId;
}

/** Options of a test power. */
export interface TestPowerOptions {
  unit: string;
  code: string;
  steps?: { name: string; days: number }[];
  statutoryDays?: number;
  promisedDays?: number;
  checkpoints?: {
    stepNo: number;
    kind: string;
    params: Record<string, unknown>;
    legalBasis: string;
    description?: string;
  }[];
  riskPoints?: { stepNo: number | null; level: number; description: string; measures: string[] }[];
}

/**
 * Creates and publishes a power through the gateway as the unit's ADMIN, handled by the unit's
 * service window (so the demo clerk may file and advance its cases). Returns its id.
 */
export async function publishTestPower(stack: Stack, o: TestPowerOptions): Promise<string> {
  const admin = await stack.tokenFor(Role.ADMIN, o.unit);
  const steps = o.steps ?? [
    { name: '受理', days: 1 },
    { name: '审查', days: 3 },
    { name: '决定', days: 2 },
  ];
  const created = await stack.gql<{ createPower: { id: string } }>(
    'mutation($input: CreatePowerInput!, $key: String!) { createPower(input: $input, idempotencyKey: $key) { id } }',
    {
      token: admin,
      variables: {
        key: `power-${o.code}`,
        input: {
          unitCode: o.unit,
          code: o.code,
          name: `测试事项${o.code}`,
          category: 'OTHER',
          legalBasis: '《测试条例》第三条',
          departmentId: clerkDepartment(o.unit),
          statutoryDays: o.statutoryDays ?? 20,
          promisedDays: o.promisedDays ?? 10,
          flow: steps.map((s) => ({ name: s.name, timeLimitDays: s.days })),
          checkpoints: o.checkpoints ?? [],
          riskPoints: o.riskPoints ?? [],
        },
      },
    },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!.createPower.id;
  const published = await stack.gql(
    'mutation($id: ID!, $key: String!) { publishPower(id: $id, idempotencyKey: $key) { id } }',
    { token: admin, variables: { id, key: `publish-${o.code}` } },
  );
  if (published.errors) throw new Error(JSON.stringify(published.errors));
  return id;
}

/** An applicant whose personal data the tests look for in places it must not appear. */
export const APPLICANT = { name: '王小明', idNumber: '139901199001051234', phone: '13812345678' };

export const FILE_CASE = `mutation($input: FileCaseInput!, $key: String!) {
  fileCase(input: $input, idempotencyKey: $key) { queryCode receiptHash promisedBy case { id number status currentStep } }
}`;

export const ADVANCE_CASE = `mutation($input: AdvanceCaseInput!, $key: String!) { advanceCase(input: $input, idempotencyKey: $key) { id status currentStep } }`;

/** Files a case as the unit's clerk; returns what fileCase answered. */
export async function fileCase(
  stack: Stack,
  unit: string,
  powerId: string,
  key: string,
  extra: Record<string, unknown> = {},
) {
  const token = await stack.tokenFor(Role.CLERK, unit);
  return stack.gql<{
    fileCase: {
      queryCode: string;
      receiptHash: string;
      promisedBy: string;
      case: { id: string; number: string; status: string; currentStep: number };
    };
  }>(FILE_CASE, {
    token,
    variables: { key, input: { powerId, applicant: APPLICANT, details: '申请办理测试事项', ...extra } },
  });
}

/** A base64 attachment named as a checkpoint expects. */
export function attachment(name: string, text = name) {
  return { name, mediaType: 'text/plain', contentBase64: Buffer.from(text).toString('base64') };
}
