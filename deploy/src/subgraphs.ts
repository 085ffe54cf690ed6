import { SUBGRAPH_DIRECTORY, type SubgraphAddress, type SubgraphDefinition, type SubgraphName } from '@sunlight/shared';

/** A line of the subgraph directory with the service's definition and its process entry point. */
export interface SubgraphEntry extends SubgraphAddress {
  definition: SubgraphDefinition<any>;
  /** Compiled entry point, relative to the repository root: `services/<name>/dist/main.js`. */
  main: string;
}

/** What every service package exports from its `src/index.ts` for this list. */
interface ServicePackage {
  /** The definition with the settings a deployment uses (neighbours from the directory, clocks on). */
  createSubgraph(): SubgraphDefinition<any>;
}

/**
 * The definition of the service `@sunlight/<name>`, by the one convention every service follows:
 * its package is named after its directory line and exports `createSubgraph`. So a new service
 * costs no line here, only its directory line and its dependency in `deploy/package.json` (a
 * spec checks that each directory name is declared there).
 */
function definitionOf(name: SubgraphName): SubgraphDefinition<any> {
  // A name known only at run time: the directory is the list, so the import cannot be static.
  const pkg = require(`@sunlight/${name}`) as Partial<ServicePackage>;
  if (typeof pkg.createSubgraph !== 'function')
    throw new Error(`@sunlight/${name} exports no createSubgraph() (see README, "One service layout")`);
  const definition = pkg.createSubgraph();
  if (definition.name !== name) throw new Error(`the definition listed as ${name} calls itself ${definition.name}`);
  return definition;
}

/** Every subgraph the launcher starts and the supergraph composes, in the directory's order. */
export const SUBGRAPHS: readonly SubgraphEntry[] = SUBGRAPH_DIRECTORY.map((address) => ({
  ...address,
  definition: definitionOf(address.name),
  main: `services/${address.name}/dist/main.js`,
}));
