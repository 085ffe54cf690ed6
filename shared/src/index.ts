import 'reflect-metadata';

export { ConfigError } from './config/config-error';
export { env, readEnv, type EnvParser } from './config/env-reader';
export { databaseUrlVariable, loadPlatformConfig, type PlatformConfig } from './config/platform-config';

export { ensureDatabase } from './db/database-admin';
export { createServiceDataSource, type ServiceDataSourceOptions } from './db/create-data-source';
export { embeddedDatabaseUrl, startEmbeddedPostgres, type EmbeddedPostgresHandle } from './db/embedded-postgres';
export { PostgresStartError } from './db/postgres-start-error';
export { migrate } from './db/migrate';
export { requestScope, SYSTEM_SCOPE, type DatabaseScope } from './db/request-scope';
export { rowScopeCondition, rowScopeDownSql, rowScopeSql } from './db/row-scope-sql';
export { RowScopeMigration } from './db/row-scope.migration';
export { SqlMigration } from './db/sql-migration';
export { ensureDatabaseRoles } from './db/ensure-database-roles';
export { openServiceDatabase, type OpenServiceDatabaseOptions, type ServiceDatabase } from './db/open-service-database';
export {
  DATABASE_ROLE_HOLDERS,
  databaseRoleName,
  databaseRolePassword,
  databaseRoleUrl,
  fallbackRoleKey,
  CALENDAR_LOADERS,
  CALENDAR_READERS,
  OUTBOX_READERS,
  type DatabaseRoleHolder,
} from './db/service-roles';
export { PlatformTables1763769600000 } from './db/platform-tables.migration';
export { OutboxNotify1765000000000 } from './db/outbox-notify.migration';
export { runIdempotent, type IdempotentRequest } from './db/run-idempotent';

export { CheckpointKind } from './checkpoint/checkpoint-kind';
export type { CheckpointKindName } from './checkpoint/checkpoint-kind-name';
export type { CheckpointParams } from './checkpoint/checkpoint-params';
export type { CheckpointViolation } from './checkpoint/checkpoint-violation';

export { PUBLIC_PRINCIPAL, type Principal } from './auth/principal';
export { PERSON_ROLES, Role } from './auth/role';
export { roleLabel } from './auth/role-label';
export { scope } from './auth/scope';
export { loadSecrets, rotateTokenSecret, tokenKeysOf, type Secrets } from './auth/secrets';
export { Tier } from './auth/tier';
export { tierLabel } from './auth/tier-label';
export { TokenKeys } from './auth/token-keys';
export { TokenService, type VerifiedToken } from './auth/token-service';
export { unitCode } from './auth/unit-code';

export { AppError, type FieldProblem } from './errors/app-error';
export { chinaTimeText } from './errors/china-time-text';
export { ErrorKind } from './errors/error-kind';
export { createFormatError } from './errors/format-error';
export { platformError, PlatformErrorCode } from './errors/platform-error';
export { Validation } from './errors/validation';

export { markHandled } from './events/mark-handled';
export type { EventPayloads } from './events/event-payloads';
export { EVENT_SOURCES } from './events/event-sources';
export type { EventTopic } from './events/event-topic';
export type { NewOutboxEvent, OutboxEvent } from './events/outbox-event';
export { OutboxReader, type OutboxHandler } from './events/outbox-reader';
export type { EventReader } from './events/event-reader';
export { DEFAULT_EVENT_STREAM, type EventStreamConfig } from './events/jetstream/event-stream-config';
export { EventStream } from './events/jetstream/event-stream';
export { eventSubject, eventSubjects } from './events/jetstream/event-subject';
export { OutboxRelay, RELAY_CONSUMER } from './events/jetstream/outbox-relay';
export { StreamSourceReader } from './events/jetstream/stream-source-reader';
export { streamEventCodec } from './events/jetstream/stream-event-codec';
export { watchEventStream, type EventStreamWatch } from './events/jetstream/watch-event-stream';
export { outboxChannel, publishEvent } from './events/publish-event';

export { buildFederatedSchema, type ReferenceResolvers } from './federation/build-subgraph-schema';
export { referenceResolver } from './federation/reference-resolver';
export { registerTierEnum } from './federation/tier-enum';
export { registerCheckpointKindEnum } from './federation/checkpoint-kind-enum';
export { PreparedValue } from './federation/prepared-value';

export { createGraphQLHttpHandler, type HttpRoute } from './http/graphql-http-handler';
export { sendJsonError } from './http/json-error';
export { closeHttpServer } from './http/close-http-server';

export { createLogger, type Logger, type LogSink } from './logging/logger';
export { logContext } from './logging/log-context';
export { PERSONAL_DATA_KEYS, redactPersonalData } from './logging/redact-personal-data';
export * from './observability';

export { checkPageSize, cursor, MAX_PAGE_SIZE } from './pagination/cursor';
export { toPage, type Page } from './pagination/page';
export { PageInfo } from './pagination/page-info';

export {
  ASSERTION_HEADER,
  startSubgraph,
  type RunningSubgraph,
  type StartSubgraphOptions,
} from './service/start-subgraph';
export type { ContextInput, PrepareInput, SubgraphContext, SubgraphDefinition } from './service/subgraph-definition';

export { groupByKeys } from './loaders/group-by-keys';
export { orderByKeys } from './loaders/order-by-keys';
export { onLauncherGone } from './service/on-launcher-gone';
export { runSubgraphMain } from './service/run-subgraph-main';
export { subgraphAddress } from './service/subgraph-address';
export { SUBGRAPH_DIRECTORY, type SubgraphAddress, type SubgraphName } from './service/subgraph-directory';
export { subgraphUrl } from './service/subgraph-url';

export { canonicalJson } from './trace/canonical-json';
export { chainHash, GENESIS_HASH } from './trace/chain-hash';
export { sha256Hex } from './trace/sha256-hex';
export { verifyChain, type ChainLink } from './trace/verify-chain';

export { loadCheckpointKeys, type CheckpointKeys } from './transparency/checkpoint-keys';
export { merkleHash } from './transparency/merkle-hash';
export { MerkleTree } from './transparency/merkle-tree';
export { SigningKey } from './transparency/signing-key';
export {
  startSubgraphTraceCheckpoints,
  startTraceCheckpoints,
  type StartTraceCheckpointsOptions,
  type TraceCheckpointOverrides,
} from './transparency/start-trace-checkpoints';
export { SupervisionWitness } from './transparency/supervision-witness';
export {
  checkpointBody,
  cosignatureBody,
  type TraceCheckpoint,
  type TraceLogName,
} from './transparency/trace-checkpoint';
export { TraceCheckpointJob } from './transparency/trace-checkpoint-job';
export {
  CheckpointRefusedError,
  TraceCheckpointLog,
  type CheckpointCheck,
  type TraceInclusion,
} from './transparency/trace-checkpoint-log';
export { traceCheckpointAppendOnlySql, traceCheckpointTablesSql } from './transparency/trace-checkpoint-tables-sql';
export {
  TraceCheckpointAppendOnlyMigration,
  TraceCheckpointTablesMigration,
} from './transparency/trace-checkpoint.migration';
export { TraceCheckpointObject, TraceInclusionProofObject } from './transparency/trace-checkpoint.type';
export { traceHeadLeaf, traceHeadLeafHash, type TraceHead } from './transparency/trace-head-leaf';
export { verifyCheckpoint } from './transparency/verify-checkpoint';
export { verifyInclusion } from './transparency/verify-inclusion';

export type { CalendarDay } from './calendar/calendar-day';
export { calendarTableSql } from './calendar/calendar-table-sql';
export { CHINA_2026, CHINA_2026_NOTICE_TITLE } from './calendar/china-2026';
export { WorkingCalendar, type CalendarDayRow, type WorkingCalendarOptions } from './calendar/working-calendar';
export { readWorkingCalendar } from './calendar/read-working-calendar';
export type { HolidayNotice } from './calendar/holiday-notice';
export { calendarError, CalendarErrorCode, type CalendarProblem } from './calendar/calendar-error';
export { NOTICE_YEARS, validateHolidayNotice } from './calendar/validate-holiday-notice';
export { CALENDAR_CHANNEL, CALENDAR_LOCK, CALENDAR_SCHEMA, calendarSchemaSql } from './calendar/calendar-schema-sql';
export { SharedCalendarMigration } from './calendar/shared-calendar.migration';
export {
  loadHolidayNotice,
  readNoticeLoads,
  rowsOf,
  type CalendarQueryable,
  type NoticeLoad,
  type NoticeLoadVia,
} from './calendar/load-holiday-notice';
export { LiveWorkingCalendar } from './calendar/live-working-calendar';
export { CalendarGapReporter, type CalendarGapTopic } from './calendar/calendar-gap-reporter';
export { ServiceCallError, ServiceClient } from './federation/service-client';

export { appendOnlySql } from './trace/append-only-sql';
export type { AttachmentRef } from './trace/attachment-ref';
export {
  chainedTrace,
  type ChainedTrace,
  type ChainedTraceOptions,
  type TraceEvent,
  type TraceOwner,
  type TraceVerdict,
} from './trace/chained-trace';
export { attachmentStore } from './attachments/attachment-store';
export { attachmentTableSql } from './attachments/attachment-table-sql';
export type { AttachmentUpload } from './attachments/attachment-upload';
export {
  base64Length,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_BYTES_PER_ACTION,
  MAX_ATTACHMENTS_PER_ACTION,
  MAX_REQUEST_BODY_BYTES,
} from './attachments/attachment-limits';
export { ADMIN_ALERT_KINDS, canSeeAlert, LEADER_ALERT_KINDS, type AlertAudienceFacts } from './auth/alert-audience';
export { isUuid } from './validation/is-uuid';
export { findInputTextProblem, type InputTextLimits, type InputTextProblem } from './validation/input-text-problem';
export { isPhoneNumber } from './validation/phone-number';
export { isResidentIdNumber, residentIdCheckCharacter } from './validation/resident-id-number';
export { MAX_TEXT_LENGTH } from './validation/text-limits';
export { textProblem } from './validation/text-problem';

export { rollupChangeNotify } from './stats/rollup-change-notify';
export {
  dropMonthRollupSql,
  localMonth,
  monthRollupSql,
  trackRollupChangesSql,
  untrackRollupChangesSql,
  type MonthRollupSpec,
} from './stats/month-rollup-sql';
export { rollupTrends, sumRollup, type RollupTrends, type Trend } from './stats/rollup-trends';
export { isMonth, lastCompleteMonth, TREND_MONTHS, trendWindow, type TrendWindow } from './stats/trend-window';
export { Month } from './stats/month';
export { MonthRange } from './stats/month-range';
export {
  TREND_CATALOG,
  type TrendCount,
  type TrendLists,
  type TrendMeasure,
  type TrendMeasureSpec,
  type TrendName,
  type TrendSpec,
} from './stats/trend-catalog';
export { trendMeasures } from './stats/trend-measures';
export { trendSelection } from './stats/trend-selection';
export { trendObjectTypes, type ObjectTypeClass } from './stats/trend-object-types';
export { externalTrendType } from './stats/external-trend-type';
export { monthOrdinal } from './stats/month-ordinal';
export { SubtreeSums } from './stats/subtree-sums';
export { SubtreeStore, type SubtreeStoreOptions } from './stats/subtree-store';
export { subtreeTrends } from './stats/subtree-trends';
export { hash32, SeededRandom } from './random/seeded-random';
export { nameUuid } from './random/name-uuid';
