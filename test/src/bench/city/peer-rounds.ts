import { CacheStatusTally, type Ask } from './dashboard-cache';
import { loadInto, Samples, type LoadResult, type Timer } from './load-runner';
import { firstDifference } from './same-data';

/** A gateway compared with ours: Hive Gateway, or ours with the cache off. */
export interface Rival {
  name: string;
  ask: Ask;
}

export interface PeerComparison {
  ours: { warm: LoadResult; cold: LoadResult };
  rivals: { name: string; result: LoadResult; sameData: string }[];
  statuses: { warm: CacheStatusTally; cold: CacheStatusTally };
}

interface Contestant {
  name: string;
  samples: Samples;
  iteration: (time: Timer) => Promise<void>;
}

/**
 * The city dashboard on our gateway and on its rivals, alternated in `rounds` so that none gets the
 * quieter minutes: each round runs our gateway warm (one token), our gateway cold-equivalent and
 * each rival, `clients` each for `seconds`, starting with a different one each round. Cold and the
 * rivals get the same stream of requests: every one under a subject never used before, so that
 * every one fills our cache and nothing downstream can tell the contestants apart by their callers.
 */
export async function compareWithPeer(o: {
  ours: Ask;
  rivals: Rival[];
  token: string;
  fresh: () => Promise<string>;
  query: string;
  variables: Record<string, unknown>;
  rounds: number;
  seconds: number;
  clients: number;
  log: (s: string) => void;
}): Promise<PeerComparison> {
  const mine = await o.ours(o.query, o.variables, o.token);
  const sameData = await Promise.all(
    o.rivals.map(async (r) => {
      const difference = firstDifference(mine.data, (await r.ask(o.query, o.variables, o.token)).data);
      return difference ? `differ first at ${difference}` : 'identical';
    }),
  );
  const statuses = { warm: new CacheStatusTally(), cold: new CacheStatusTally() };
  const freshly = (ask: Ask, tally?: CacheStatusTally) => async (time: Timer) => {
    const token = await o.fresh();
    const answer = await time(() => ask(o.query, o.variables, token));
    tally?.note(answer);
  };
  const contestants: Contestant[] = [
    {
      name: 'ours warm',
      samples: new Samples(),
      iteration: async (time) => statuses.warm.note(await time(() => o.ours(o.query, o.variables, o.token))),
    },
    { name: 'ours cold', samples: new Samples(), iteration: freshly(o.ours, statuses.cold) },
    ...o.rivals.map((r) => ({ name: r.name, samples: new Samples(), iteration: freshly(r.ask) })),
  ];
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < contestants.length; i++) {
      const c = contestants[(round + i) % contestants.length]!;
      o.log(`  round ${round + 1}/${o.rounds}: ${c.name}…`);
      await loadInto(c.samples, o.clients, o.seconds, c.iteration);
    }
  }
  const label = `${o.rounds} rounds × ${o.seconds} s`;
  const [warm, cold, ...rivals] = contestants as [Contestant, Contestant, ...Contestant[]];
  return {
    ours: {
      warm: warm.samples.result(`city dashboard, ours warm (${label})`, o.clients),
      cold: cold.samples.result(`city dashboard, ours cold: fresh scope per request (${label})`, o.clients),
    },
    rivals: rivals.map((r, i) => ({
      name: r.name,
      result: r.samples.result(`city dashboard, ${r.name}: fresh scope per request (${label})`, o.clients),
      sameData: sameData[i]!,
    })),
    statuses,
  };
}
