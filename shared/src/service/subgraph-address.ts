import { SUBGRAPH_DIRECTORY, type SubgraphAddress, type SubgraphName } from './subgraph-directory';

/** The directory's line for `name`: its default port and URL and its URL variable. */
export function subgraphAddress(name: SubgraphName): SubgraphAddress {
  const address = SUBGRAPH_DIRECTORY.find((a) => a.name === name);
  if (!address) throw new Error(`${name} is not in the subgraph directory`);
  return address;
}
