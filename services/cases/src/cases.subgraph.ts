import {
  CalendarGapReporter,
  env,
  LiveWorkingCalendar,
  OutboxNotify1765000000000,
  PlatformTables1763769600000,
  PreparedValue,
  readEnv,
  startSubgraphTraceCheckpoints,
  subgraphUrl,
  type TraceCheckpointOverrides,
  type SubgraphDefinition,
} from '@sunlight/shared';
import { CalendarResolver } from './calendar/calendar.resolver';
import { caseReference, unitReference } from './case/case.reference';
import { CaseMutationResolver } from './case/case-mutation.resolver';
import { CaseResolver } from './case/case.resolver';
import type { CasesConfig } from './cases-config';
import { casesContextFactory, type CasesContext } from './cases.context';
import { LogCardNotifier, WebhookCardNotifier } from './clock/card-notifier';
import { CardScheduler } from './jobs/card-scheduler';
import { loadCardThresholds } from './clock/card-thresholds';
import { Cases1763769800000 } from './migrations/1763769800000-cases';
import { Calendar1763769900000 } from './migrations/1763769900000-calendar';
import { CaseMonthStat1763770500000 } from './migrations/1763770500000-case-month-stat';
import { CaseMonthStatChanges1765200000000 } from './migrations/1765200000000-case-month-stat-changes';
import { LookupAttempt1766150000000 } from './migrations/1766150000000-lookup-attempt';
import { PowersClient } from './clients/powers-client';
import { CaseRiskHintsResolver } from './risk-hints/case-risk-hints.resolver';
import { createCaseMonthSums, type CaseMonthSums } from './stats/case-month-sums';
import { UnitCaseTrendResolver } from './stats/unit-case-trend.resolver';
import { UnitCasesResolver } from './unit/unit-cases.resolver';
import { TraceCheckpoint1766200000000 } from './migrations/1766200000000-trace-checkpoint';
import { TraceCheckpointAppendOnly1766200000100 } from './migrations/1766200000100-trace-checkpoint-append-only';
import { CaseRowSecurity1766300000000 } from './migrations/1766300000000-case-row-security';
import { SharedCalendar1767100000000 } from './migrations/1767100000000-shared-calendar';
import { CASE_TRACE_TABLES } from './trace/case-trace';
import { CaseCheckpointResolver, CaseProgressProofResolver } from './transparency/case-checkpoint.resolver';

/** The cases subgraph, plus access to its runtime configuration once prepared (tests use it). */
export interface CasesSubgraph extends SubgraphDefinition<CasesContext> {
  config(): CasesConfig;
}

/**
 * Builds the cases subgraph. Configuration comes from the environment when the service is
 * prepared (`SUBGRAPH_POWERS_URL`, `SMS_WEBHOOK_URL`, `CARD_*`, `CARD_SCHEDULER_INTERVAL_MS`,
 * `TRACE_CHECKPOINT_INTERVAL_MS`, keys in `DATA_DIR/keys`);
 * `overrides` replace any part of it (tests inject the clock or the powers lookup).
 */
export function createCasesSubgraph(
  overrides: Partial<CasesConfig> & {
    schedulerIntervalMs?: number;
  } & TraceCheckpointOverrides = {},
): CasesSubgraph {
  const config = new PreparedValue<CasesConfig>('cases');
  const sums = new PreparedValue<CaseMonthSums>('cases');
  const createContext = (input: Parameters<SubgraphDefinition<CasesContext>['createContext']>[0]) =>
    casesContextFactory(config.get(), sums.get())(input);
  return {
    name: 'cases',
    entities: [],
    migrations: [
      PlatformTables1763769600000,
      Cases1763769800000,
      Calendar1763769900000,
      CaseMonthStat1763770500000,
      OutboxNotify1765000000000,
      CaseMonthStatChanges1765200000000,
      LookupAttempt1766150000000,
      TraceCheckpoint1766200000000,
      TraceCheckpointAppendOnly1766200000100,
      CaseRowSecurity1766300000000,
      SharedCalendar1767100000000,
    ],
    resolvers: [
      CaseResolver,
      CaseMutationResolver,
      CaseRiskHintsResolver,
      UnitCasesResolver,
      UnitCaseTrendResolver,
      CaseCheckpointResolver,
      CaseProgressProofResolver,
      CalendarResolver,
    ],
    references: { Case: caseReference, Unit: unitReference },
    createContext,
    config: config.get,
    async prepare({ dataSource, databaseUrl, logger, tokens, metrics }) {
      const e = readEnv({
        SMS_WEBHOOK_URL: env.optionalString(),
        CARD_SCHEDULER_INTERVAL_MS: env.int(60_000, 0, 24 * 3600 * 1000),
      });
      // The shared working calendar, reloaded on every load (NOTIFY, or the poll) without a restart.
      const calendar = await LiveWorkingCalendar.open(dataSource);
      await calendar.start(databaseUrl, logger);
      const checkpoints = startSubgraphTraceCheckpoints('cases', CASE_TRACE_TABLES, { dataSource, logger }, overrides);
      const prepared = config.set({
        get calendar() {
          return overrides.calendar ?? calendar.current;
        },
        calendarGaps: overrides.calendarGaps ?? new CalendarGapReporter(dataSource, 'case.calendar_not_loaded', logger),
        queryCodeKey: overrides.queryCodeKey ?? tokens.deriveKey('case-query-code'),
        powers: overrides.powers ?? new PowersClient(subgraphUrl('powers'), tokens),
        thresholds: overrides.thresholds ?? loadCardThresholds(),
        notifier:
          overrides.notifier ??
          (e.SMS_WEBHOOK_URL ? new WebhookCardNotifier(e.SMS_WEBHOOK_URL, logger) : new LogCardNotifier(logger)),
        now: overrides.now ?? (() => new Date()),
        checkpoints: overrides.checkpoints ?? checkpoints.log,
      });
      const held = createCaseMonthSums(dataSource);
      await held.start({ logger });
      sums.set(held);
      const cardsRaised = metrics.counter(
        'sunlight_cards_raised_total',
        "Cards raised by this process's card scheduler",
      );
      const interval = overrides.schedulerIntervalMs ?? e.CARD_SCHEDULER_INTERVAL_MS;
      if (interval === 0)
        return async () => {
          await checkpoints.stop();
          await held.stop();
          await calendar.stop();
        };
      const scheduler = new CardScheduler(dataSource, prepared, logger, (n) => cardsRaised.inc(n));
      scheduler.start(interval);
      return async () => {
        await scheduler.stop();
        await checkpoints.stop();
        await held.stop();
        await calendar.stop();
      };
    },
  };
}
