export { createCasesSubgraph, type CasesSubgraph } from './cases.subgraph';
export { CardScheduler } from './clock/card-scheduler';
export type { CasesConfig } from './case/cases-config';
export type { CardNotice, CardNotifier } from './clock/card-notifier';
export { PowersClient } from './powers-client/powers-client';
export { LogCardNotifier, WebhookCardNotifier } from './clock/card-notifier';
export { createCaseStatsLoader } from './stats/case-stats.loader';
export { queryCode } from './case/query-code';
