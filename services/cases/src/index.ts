export { createCasesSubgraph, createCasesSubgraph as createSubgraph, type CasesSubgraph } from './cases.subgraph';
export { CardScheduler } from './jobs/card-scheduler';
export type { CasesConfig } from './cases-config';
export type { CardNotice, CardNotifier } from './clock/card-notifier';
export { PowersClient } from './clients/powers-client';
export { LogCardNotifier, WebhookCardNotifier } from './clock/card-notifier';
export { createCaseStatsLoader } from './stats/case-stats.loader';
export { queryCode } from './case/query-code';
export type { CaseEventKind } from './trace/case-event-kind';
