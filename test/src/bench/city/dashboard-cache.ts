import { Role, type TokenService } from '@sunlight/shared';
import type { GraphqlAnswer } from './graphql-post';
import { loadInto, Samples, type LoadResult } from './load-runner';

/** Asks the gateway one query as the holder of `token`. */
export type Ask = (
  query: string,
  variables: Record<string, unknown>,
  token: string,
) => Promise<GraphqlAnswer<Record<string, unknown>>>;

/**
 * Inspectors of the city for the cache scenarios. The gateway's response cache keys on the caller's
 * subject, role, unit, department and post, so a first request under a subject never used before is
 * a cold read, and every request under one token after the first is a warm one.
 */
export function cityInspectors(tokens: TokenService, city: string) {
  const run = Date.now().toString(36);
  let n = 0;
  return {
    principal: { subject: `INSPECTOR.${city}`, role: Role.INSPECTOR, unit: city },
    /** A token for a subject no request has used yet. */
    fresh: () => tokens.issue({ subject: `INSPECTOR.${city}.cold-${run}-${n++}`, role: Role.INSPECTOR, unit: city }),
  };
}

/** How often each `extensions.cacheStatus` came back; `absent` when the gateway sent none. */
export class CacheStatusTally {
  readonly counts: Record<string, number> = {};

  note(answer: GraphqlAnswer<unknown>): void {
    const status = answer.extensions?.['cacheStatus'];
    const key = typeof status === 'string' ? status : 'absent';
    this.counts[key] = (this.counts[key] ?? 0) + 1;
  }

  /** Whether any answer carried a cache status (the response cache is there). */
  get available(): boolean {
    return Object.keys(this.counts).some((k) => k !== 'absent');
  }

  toString(): string {
    return (
      Object.entries(this.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'no answers'
    );
  }
}

export interface CacheScenario {
  result: LoadResult;
  statuses: CacheStatusTally;
}

/** `count` cold reads one after another, each the first request of a fresh subject. */
export async function coldSequential(
  ask: Ask,
  fresh: () => Promise<string>,
  query: string,
  variables: Record<string, unknown>,
  count: number,
): Promise<CacheScenario> {
  const samples = new Samples();
  const statuses = new CacheStatusTally();
  await samples.during(async () => {
    for (let i = 0; i < count; i++) {
      const token = await fresh();
      statuses.note(
        await samples.time(() => ask(query, variables, token)).catch(() => ({ data: null, extensions: undefined })),
      );
    }
  });
  return { result: samples.result(`city dashboard, cold: ${count} fresh scopes one after another`, 1), statuses };
}

/**
 * `bursts` times, `clients` requests at once under one fresh subject: they race for the same empty
 * entry, and single-flight should let one fill serve them all.
 */
export async function coldBurst(
  ask: Ask,
  fresh: () => Promise<string>,
  query: string,
  variables: Record<string, unknown>,
  bursts: number,
  clients: number,
): Promise<CacheScenario> {
  const samples = new Samples();
  const statuses = new CacheStatusTally();
  for (let b = 0; b < bursts; b++) {
    const token = await fresh();
    await samples.during(async () => {
      const answers = await Promise.all(
        Array.from({ length: clients }, () =>
          samples.time(() => ask(query, variables, token)).catch(() => ({ data: null, extensions: undefined })),
        ),
      );
      answers.forEach((a) => statuses.note(a));
    });
  }
  return {
    result: samples.result(`city dashboard, cold burst: ${clients} at once on one fresh scope (× ${bursts})`, clients),
    statuses,
  };
}

/** `clients` loops under one token for `seconds`: after the first request, warm reads. */
export async function warmLoad(
  scenario: string,
  ask: Ask,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  clients: number,
  seconds: number,
): Promise<CacheScenario> {
  const samples = new Samples();
  const statuses = new CacheStatusTally();
  await loadInto(samples, clients, seconds, async (time) =>
    statuses.note(await time(() => ask(query, variables, token))),
  );
  return { result: samples.result(scenario, clients), statuses };
}
