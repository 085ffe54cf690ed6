import type { SubgraphName } from '@sunlight/shared';

/** One process the launcher runs: its log name and its port. */
export interface ReplicaPlan {
  name: string;
  port: number;
}

/** A balancer of `npm run start:cluster`: its port and the replicas behind it. */
export interface BalancerPlan {
  name: string;
  port: number;
  targets: ReplicaPlan[];
}

/** Where every process and balancer of a launch listens. */
export interface Topology {
  subgraphs: { name: SubgraphName; main: string; replicas: ReplicaPlan[] }[];
  gateways: ReplicaPlan[];
  /** Empty for `npm start` (one process of each, on the ports the clients use). */
  balancers: BalancerPlan[];
}

/**
 * The processes of a launch. With one replica (`npm start`) each subgraph listens on its own port
 * (the directory's, plus the offset) and the gateway on `gatewayPort`. With more
 * (`npm run start:cluster`), balancers take those ports, so every client (the gateway's
 * `SUBGRAPH_<NAME>_URL`, a neighbour, a user) is unchanged, and the replicas listen from
 * `portBase`: gateway replica r at base + r, replica r of the k-th subgraph at base + 10 (k + 1) + r.
 */
export function planTopology(
  subgraphs: readonly { name: SubgraphName; port: number; main: string }[],
  o: { gatewayPort: number; replicas: number; portBase: number },
): Topology {
  if (o.replicas === 1)
    return {
      subgraphs: subgraphs.map(({ name, port, main }) => ({ name, main, replicas: [{ name, port }] })),
      gateways: [{ name: 'gateway', port: o.gatewayPort }],
      balancers: [],
    };
  const replicas = (name: string, first: number): ReplicaPlan[] =>
    Array.from({ length: o.replicas }, (_, r) => ({ name: `${name}-${r + 1}`, port: first + r }));
  const planned = subgraphs.map(({ name, port, main }, k) => ({
    name,
    main,
    port,
    replicas: replicas(name, o.portBase + 10 * (k + 1)),
  }));
  const gateways = replicas('gateway', o.portBase);
  return {
    subgraphs: planned.map(({ name, main, replicas: r }) => ({ name, main, replicas: r })),
    gateways,
    balancers: [
      ...planned.map(({ name, port, replicas: r }) => ({ name, port, targets: r })),
      { name: 'gateway', port: o.gatewayPort, targets: gateways },
    ],
  };
}
