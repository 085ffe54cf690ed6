export { composeSupergraph } from './compose/compose-supergraph';
export { SUPERGRAPH_PATH } from './compose/supergraph-path';
export { SUBGRAPHS, type SubgraphEntry } from './subgraphs';
export { cityDataDir, openCityDatabase, type CityDatabase } from './generate/city-database';
export type { CityManifest } from './generate/manifest';
export { ActivitySimulator, type ActivityOptions, type SimCaseView } from './demo/activity/activity-simulator';
export type { ActivityCounts } from './demo/activity/activity-tally';
export type { CitizenRecord } from './demo/activity/citizen-actions';
