import { SUBGRAPH_DIRECTORY, type SubgraphAddress, type SubgraphDefinition, type SubgraphName } from '@sunlight/shared';
import { createAlertsSubgraph } from '@sunlight/alerts';
import { createCasesSubgraph } from '@sunlight/cases';
import { createComplaintsSubgraph } from '@sunlight/complaints';
import { createEvaluationsSubgraph } from '@sunlight/evaluations';
import { powersSubgraph } from '@sunlight/powers';

/** A line of the subgraph directory with the service's definition and its process entry point. */
export interface SubgraphEntry extends SubgraphAddress {
  definition: SubgraphDefinition<any>;
  /** Compiled entry point, relative to the repository root: `services/<name>/dist/main.js`. */
  main: string;
}

/** One line per subgraph of the directory; the compiler asks for a line for each of its names. */
const DEFINITIONS: { [N in SubgraphName]: SubgraphDefinition<any> } = {
  powers: powersSubgraph,
  cases: createCasesSubgraph(),
  evaluations: createEvaluationsSubgraph(),
  complaints: createComplaintsSubgraph(),
  alerts: createAlertsSubgraph(),
};

/** Every subgraph the launcher starts and the supergraph composes, in the directory's order. */
export const SUBGRAPHS: readonly SubgraphEntry[] = SUBGRAPH_DIRECTORY.map((address) => {
  const definition = DEFINITIONS[address.name];
  if (definition.name !== address.name)
    throw new Error(`the definition listed as ${address.name} calls itself ${definition.name}`);
  return { ...address, definition, main: `services/${address.name}/dist/main.js` };
});
