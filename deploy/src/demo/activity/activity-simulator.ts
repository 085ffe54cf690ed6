import { generateDemoData, type DemoData } from '@sunlight/powers';
import type { Logger, TokenService } from '@sunlight/shared';
import { Random } from '../../generate/random';
import { DOCUMENTS } from './activity-documents';
import { ActivityTally, type ActivityCounts } from './activity-tally';
import { ApiCaller, pause } from './api-caller';
import { CaseActions, DEFAULT_HABITS, type CaseHabits } from './case-actions';
import { CitizenActions, type CitizenRecord, type RatableStage } from './citizen-actions';
import { CityDirectory } from './city-directory';
import { DemoTokens } from './demo-tokens';
import { GatewayClient } from './gateway-client';
import { Pace } from './pace';
import { isOpen, type SimCase } from './sim-case';

/** What the simulator needs: where the gateway is, the key to sign demo tokens with, its pace. */
export interface ActivityOptions {
  gatewayUrl: string;
  /** Signs the demo accounts' tokens, as `npm run -s token` does with the stack's key. */
  tokens: TokenService;
  /** The mean wait between two actions (jittered). */
  intervalMs: number;
  /** Seed of every choice; keys and the run's identity stay unique regardless. */
  seed: number;
  logger: Logger;
  /** The demo city the stack seeded (default: the demo data). */
  demo?: DemoData;
  habits?: Partial<CaseHabits>;
  /** Stop after this many actions (done or refused); unbounded by default. */
  maxActions?: number;
  /** Beyond this many open cases, people work on them rather than filing more. */
  maxOpenCases?: number;
}

/** A case as the simulator last saw it (for its tests and operator). */
export type SimCaseView = Pick<SimCase, 'id' | 'number' | 'queryCode' | 'unit' | 'status' | 'currentStep'>;

/** Chance that the applicant rates a stage when it is finished (the last one: a little more often). */
const RATE_STAGE = 0.35;
const RATE_LAST_STAGE = 0.7;
/** Chance that a complaint is about one of the open cases (too slow) rather than a random unit. */
const COMPLAIN_ABOUT_CASE = 0.3;
/** The weight of a complaint among the other actions (file 2, work 5, rate 2 when there is something to do). */
const COMPLAINT_WEIGHT = 0.35;
/** Chance that a filing is of a power without a publicity period (done within a session). */
const QUICK_POWERS = 0.9;
/** Finished cases, and ratings and complaints, kept in memory for the views. */
const KEEP = 200;

/**
 * The demo city's daily life, at a human pace: clerks file cases under published powers of random
 * units and move them step by step, leaders decide them, applicants rate finished stages, and now
 * and then someone files a complaint. It acts only through the gateway's public API, as those
 * people would (demo accounts' tokens, the public without one), so every rule, trace, card, alert
 * and dashboard figure comes from the services themselves. A refused action is logged by its code
 * and life goes on; while the gateway does not answer, the same request is retried with backoff
 * and the same idempotency key. Deterministic for a seed, up to what the API answers.
 */
export class ActivitySimulator {
  private readonly abort = new AbortController();
  private readonly tally = new ActivityTally();
  private readonly random: Random;
  private readonly pace: Pace;
  private readonly api: ApiCaller;
  private readonly directory: CityDirectory;
  private readonly caseActions: CaseActions;
  private readonly citizens: CitizenActions;
  private readonly open: SimCase[] = [];
  private readonly finished: SimCase[] = [];
  private readonly stages: RatableStage[] = [];
  private readonly citizenRecords: CitizenRecord[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly options: ActivityOptions) {
    const demo = options.demo ?? generateDemoData();
    this.random = Random.fork(options.seed, 'demo-activity');
    this.pace = new Pace(Random.fork(options.seed, 'pace'), options.intervalMs);
    this.api = new ApiCaller(
      new GatewayClient(options.gatewayUrl),
      new DemoTokens(demo, options.tokens),
      this.pace,
      this.tally,
      options.logger,
      this.abort.signal,
    );
    this.directory = new CityDirectory(demo, this.api, options.logger);
    this.caseActions = new CaseActions(this.api, this.directory, Random.fork(options.seed, 'cases'), {
      ...DEFAULT_HABITS,
      ...options.habits,
    });
    this.citizens = new CitizenActions(this.api, this.directory, Random.fork(options.seed, 'citizens'));
  }

  /** Starts the loop (once) and returns at once; {@link done} settles when it ends. */
  start(): this {
    this.running ??= this.loop();
    return this;
  }

  /** Ends when the loop does: stopped, its actions spent, or the demo city absent. */
  get done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Stops: an action in flight is abandoned (its request aborted); resolves when the loop has ended. */
  stop(): Promise<void> {
    this.abort.abort();
    return this.done;
  }

  counts(): ActivityCounts {
    return this.tally.snapshot();
  }

  cases(): SimCaseView[] {
    return [...this.finished, ...this.open].map(({ id, number, queryCode, unit, status, currentStep }) => ({
      id,
      number,
      queryCode,
      unit,
      status,
      currentStep,
    }));
  }

  records(): CitizenRecord[] {
    return [...this.citizenRecords];
  }

  private async loop(): Promise<void> {
    const { logger, intervalMs, seed } = this.options;
    const signal = this.abort.signal;
    if (!(await this.demoCityIsServed())) return;
    logger.info('demo activity started', { intervalMs, seed, stop: 'DEMO_ACTIVITY=off' });
    let busyMs = 0;
    while (!signal.aborted && this.tally.snapshot().actions < (this.options.maxActions ?? Infinity)) {
      // The time the last action took counts towards the wait, so the pace holds on average.
      await pause(Math.max(0, this.pace.nextAction() - busyMs), signal);
      if (signal.aborted) break;
      const began = Date.now();
      try {
        await this.act();
      } catch (e) {
        // A fault of the simulator itself must not take the launcher down: log it and carry on.
        logger.error('demo activity failed', { error: e instanceof Error ? e.message : String(e) });
      }
      busyMs = Date.now() - began;
    }
    logger.info('demo activity stopped', { ...this.tally.snapshot() });
  }

  /** Whether the gateway serves the demo city (its leader's token is accepted and it has the demo's name). */
  private async demoCityIsServed(): Promise<boolean> {
    const city = this.directory.city;
    const leader = this.directory.leaderOf(city.code);
    const answer = leader
      ? await this.api.query<{ unit: { name: string } }>(DOCUMENTS.demoCity, { code: city.code }, leader)
      : null;
    if (answer?.ok && answer.data.unit.name === city.name) return true;
    if (!this.abort.signal.aborted)
      this.options.logger.warn('demo activity off: the gateway does not serve the demo city', {
        city: city.code,
        codes: answer && !answer.ok ? answer.errors.map((e) => e.code) : undefined,
      });
    return false;
  }

  /**
   * One action, chosen by what there is to do: file a case (while few are being worked on), work
   * on one, rate a finished stage, or now and then complain. With nothing else to do (every case
   * waiting out a publicity period), people mostly stay away.
   */
  private async act(): Promise<void> {
    const now = Date.now();
    const ready = this.open.filter((c) => c.notBefore <= now);
    const maxOpen = this.options.maxOpenCases ?? 8;
    const weights = [
      ready.length < maxOpen && this.open.length < 4 * maxOpen ? 2 : 0, // file a case
      ready.length > 0 ? 5 : 0, // work on one
      this.stages.length > 0 ? 2 : 0, // rate a stage
      COMPLAINT_WEIGHT,
    ];
    if (weights[0] === 0 && weights[1] === 0 && weights[2] === 0 && !this.random.chance(COMPLAINT_WEIGHT / 7)) return;
    switch (this.random.weighted(weights)) {
      case 0:
        return this.fileCase();
      case 1:
        return this.work(this.random.pick(ready));
      case 2:
        return this.rate();
      default:
        return this.complain();
    }
  }

  private async fileCase(): Promise<void> {
    const quick = this.random.chance(QUICK_POWERS);
    const units = this.directory.units;
    for (let attempt = 0; attempt < 10; attempt++) {
      const before = this.tally.snapshot().actions;
      const filed = await this.caseActions.file(this.random.pick(units), quick);
      if (filed) this.open.push(filed);
      if (filed || this.tally.snapshot().actions > before || this.abort.signal.aborted) return;
      // Nothing of the kind to file at that unit: another unit's people come instead.
    }
  }

  private async work(c: SimCase): Promise<void> {
    const { finished } = await this.caseActions.progress(c);
    if (finished !== undefined) {
      const last = !isOpen(c);
      if (this.random.chance(last ? RATE_LAST_STAGE : RATE_STAGE))
        this.stages.push({ caseNumber: c.number, queryCode: c.queryCode, stepNo: finished });
    }
    if (isOpen(c)) return;
    this.open.splice(this.open.indexOf(c), 1);
    this.finished.push(c);
    if (this.finished.length > KEEP) this.finished.shift();
  }

  private async rate(): Promise<void> {
    const stage = this.stages.splice(this.random.int(0, this.stages.length - 1), 1)[0];
    if (!stage) return;
    const record = await this.citizens.rate(stage);
    if (record) this.remember(record);
  }

  private remember(record: CitizenRecord): void {
    this.citizenRecords.push(record);
    if (this.citizenRecords.length > KEEP) this.citizenRecords.shift();
  }

  private async complain(): Promise<void> {
    const about =
      this.open.length > 0 && this.random.chance(COMPLAIN_ABOUT_CASE) ? this.random.pick(this.open) : undefined;
    const record = await this.citizens.complain(about);
    if (record) this.remember(record);
  }
}
