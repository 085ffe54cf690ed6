import { env } from '../config/env-reader';
import { subgraphAddress } from './subgraph-address';
import type { SubgraphName } from './subgraph-directory';

/**
 * The URL at which to call subgraph `name`: its `SUBGRAPH_<NAME>_URL` variable in `source`
 * (default `process.env`), or the directory's default when that is unset or empty.
 */
export function subgraphUrl(name: SubgraphName, source: NodeJS.ProcessEnv = process.env): string {
  const { url, urlVariable } = subgraphAddress(name);
  return env.string(url)(source[urlVariable], urlVariable);
}
