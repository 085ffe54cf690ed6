export { composeSupergraph } from './compose/compose-supergraph';
export { SUPERGRAPH_PATH } from './compose/supergraph-path';
export { SUBGRAPHS, type SubgraphEntry } from './subgraphs';
export { cityDataDir, openCityDatabase, type CityDatabase } from './generate/city-database';
export type { CityManifest } from './generate/manifest';
