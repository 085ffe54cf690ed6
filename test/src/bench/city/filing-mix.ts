import { Role, type TokenService } from '@sunlight/shared';
import { benchPowerInput } from '../bench-power';
import type { CityDataset } from './city-dataset';
import type { Timer } from './load-runner';

type Post = (query: string, variables: Record<string, unknown>, token?: string) => Promise<Record<string, unknown>>;

interface Filer {
  power: { id: string; steps: number };
  clerk: string;
  leader: string;
}

const FILE_CASE =
  'mutation($i: FileCaseInput!, $k: String!) { fileCase(input: $i, idempotencyKey: $k) { case { id } } }';
const ADVANCE = 'mutation($i: AdvanceCaseInput!, $k: String!) { advanceCase(input: $i, idempotencyKey: $k) { id } }';
const COMPLETE = 'mutation($i: CompleteCaseInput!, $k: String!) { completeCase(input: $i, idempotencyKey: $k) { id } }';
const APPLICANT = { name: '压测申请人', idNumber: '139901199001051234', phone: '13800000000' };

/**
 * Clerks and leaders of the sampled units, each unit with a plain three-step power its admin
 * publishes first (every sampled power has checkpoints asking for materials, as a unit would not
 * for a benchmark). Files cases, and runs the filing mix: file, advance through every step, complete.
 */
export async function prepareFilings(post: Post, tokens: TokenService, dataset: CityDataset) {
  const run = Date.now().toString(36);
  const filers: Filer[] = await Promise.all(
    dataset.filers.map(async (f) => {
      const admin = await tokens.issue({ subject: `admin.${f.unit}`, role: Role.ADMIN, unit: f.unit });
      const created = (await post(
        'mutation($i: CreatePowerInput!, $k: String!) { createPower(input: $i, idempotencyKey: $k) { id } }',
        {
          k: `bench-power-${run}-${f.unit}`,
          i: benchPowerInput({
            unitCode: f.unit,
            code: `BENCH-${run}`,
            departmentId: f.departmentId,
            legalBasis: '《压测条例》第一条',
          }),
        },
        admin,
      )) as { createPower: { id: string } };
      await post(
        'mutation($id: ID!, $k: String!) { publishPower(id: $id, idempotencyKey: $k) { id } }',
        { id: created.createPower.id, k: `bench-publish-${run}-${f.unit}` },
        admin,
      );
      return {
        power: { id: created.createPower.id, steps: 3 },
        clerk: await tokens.issue({
          subject: f.clerkSubject,
          role: Role.CLERK,
          unit: f.unit,
          department: f.departmentId,
        }),
        leader: await tokens.issue({ subject: f.leaderSubject, role: Role.LEADER, unit: f.unit }),
      };
    }),
  );
  let seq = 0;
  const fileCase = async (f: Filer, time: Timer = (r) => r()): Promise<{ id: string; n: number }> => {
    const n = seq++;
    const filed = (await time(() =>
      post(
        FILE_CASE,
        { k: `bench-${run}-${n}`, i: { powerId: f.power.id, applicant: APPLICANT, details: '压测办件' } },
        f.clerk,
      ),
    )) as { fileCase: { case: { id: string } } };
    return { id: filed.fileCase.case.id, n };
  };
  return {
    /** Files one case (the commit is when this returns). */
    fileOne: async (i: number) => void (await fileCase(filers[i % filers.length]!)),
    /** One iteration of the filing mix by client `c`. */
    mix: async (time: Timer, c: number) => {
      const f = filers[c % filers.length]!;
      const { id: caseId, n } = await fileCase(f, time);
      for (let step = 1; step < f.power.steps; step++) {
        await time(() => post(ADVANCE, { k: `bench-${run}-${n}-${step}`, i: { caseId, result: '同意' } }, f.clerk));
      }
      await time(() =>
        post(COMPLETE, { k: `bench-${run}-${n}-done`, i: { caseId, outcome: 'APPROVED', result: '准予' } }, f.leader),
      );
    },
  };
}
