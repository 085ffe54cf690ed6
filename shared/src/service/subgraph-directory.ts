/** One line per subgraph: adding a service adds its line here (see {@link SUBGRAPH_DIRECTORY}). */
const LINES = [
  { name: 'powers', port: 4001 },
  { name: 'cases', port: 4002 },
  { name: 'evaluations', port: 4003 },
  { name: 'complaints', port: 4004 },
  { name: 'alerts', port: 4005 },
] as const;

/** The name of a subgraph in the directory; the compiler refuses any other. */
export type SubgraphName = (typeof LINES)[number]['name'];

/** Where a subgraph listens by default and how a process is told otherwise. */
export interface SubgraphAddress {
  readonly name: SubgraphName;
  /** The port its process listens on unless `PORT` says otherwise. */
  readonly port: number;
  /** `http://127.0.0.1:<port>/graphql`: where callers find it unless {@link urlVariable} says otherwise. */
  readonly url: string;
  /** `SUBGRAPH_<NAME>_URL`: the variable that tells a caller (a neighbour, the gateway) its URL. */
  readonly urlVariable: string;
}

/**
 * Every subgraph of the federation: the one list the launcher, the gateway, the neighbours'
 * clients, the test stack and the supergraph are read from. Invariants:
 * - a name is lower-case letters and unique (this file's spec), and is also the service's folder
 *   `services/<name>`, its package `@sunlight/<name>` (the e2e directory spec), its Postgres schema
 *   and its graph in the supergraph (`SubgraphDefinition.name` is typed by it);
 * - ports are unique and never the gateway's 4000 (this file's spec);
 * - a subgraph comes after every subgraph it calls, so starting them in this order gives each
 *   caller its neighbours' URLs (the test stack does, and fails loudly when the order is wrong).
 */
export const SUBGRAPH_DIRECTORY: readonly SubgraphAddress[] = LINES.map(({ name, port }) => ({
  name,
  port,
  url: `http://127.0.0.1:${port}/graphql`,
  urlVariable: `SUBGRAPH_${name.toUpperCase()}_URL`,
}));
