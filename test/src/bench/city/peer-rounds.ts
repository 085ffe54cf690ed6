import { CacheStatusTally, type Ask } from './dashboard-cache';
import { loadInto, Samples, type LoadResult, type Timer } from './load-runner';
import { firstDifference } from './same-data';

export interface PeerComparison {
  ours: { warm: LoadResult; cold: LoadResult };
  peer: LoadResult;
  /** `identical`, or where our answer and the peer's first differ. */
  sameData: string;
  statuses: { warm: CacheStatusTally; cold: CacheStatusTally };
}

interface Contestant {
  name: string;
  samples: Samples;
  iteration: (time: Timer) => Promise<void>;
}

/**
 * The city dashboard on our gateway and on the peer, alternated in `rounds` so that neither gets
 * the quieter minutes: each round runs our gateway warm (one token), our gateway cold-equivalent
 * (every request under a fresh subject, so every one fills the cache) and the peer, `clients` each
 * for `seconds`, starting with a different one each round.
 */
export async function compareWithPeer(o: {
  ours: Ask;
  peer: Ask;
  peerName: string;
  token: string;
  fresh: () => Promise<string>;
  query: string;
  variables: Record<string, unknown>;
  rounds: number;
  seconds: number;
  clients: number;
  log: (s: string) => void;
}): Promise<PeerComparison> {
  const [mine, theirs] = await Promise.all([o.ours(o.query, o.variables, o.token), o.peer(o.query, o.variables, o.token)]);
  const difference = firstDifference(mine.data, theirs.data);
  const statuses = { warm: new CacheStatusTally(), cold: new CacheStatusTally() };
  const contestants: Contestant[] = [
    { name: 'warm', samples: new Samples(), iteration: async (time) => statuses.warm.note(await time(() => o.ours(o.query, o.variables, o.token))) },
    {
      name: 'cold',
      samples: new Samples(),
      iteration: async (time) => {
        const token = await o.fresh();
        statuses.cold.note(await time(() => o.ours(o.query, o.variables, token)));
      },
    },
    { name: o.peerName, samples: new Samples(), iteration: (time) => time(() => o.peer(o.query, o.variables, o.token)).then(() => undefined) },
  ];
  for (let r = 0; r < o.rounds; r++) {
    for (let i = 0; i < contestants.length; i++) {
      const c = contestants[(r + i) % contestants.length]!;
      o.log(`  round ${r + 1}/${o.rounds}: ${c.name}…`);
      await loadInto(c.samples, o.clients, o.seconds, c.iteration);
    }
  }
  const [warm, cold, peer] = contestants as [Contestant, Contestant, Contestant];
  const label = `${o.rounds} rounds × ${o.seconds} s`;
  return {
    ours: {
      warm: warm.samples.result(`city dashboard, ours warm (${label})`, o.clients),
      cold: cold.samples.result(`city dashboard, ours cold: fresh scope per request (${label})`, o.clients),
    },
    peer: peer.samples.result(`city dashboard, ${o.peerName} (${label})`, o.clients),
    sameData: difference ? `differ first at ${difference}` : 'identical',
    statuses,
  };
}
