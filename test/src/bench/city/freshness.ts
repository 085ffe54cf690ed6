import { cityDashboardQuery, monthVariables } from '../../support/dashboard-query';
import { Subscriber } from '../../support/ws-subscriber';
import { Latency } from '../latency';
import { currentMonth } from './dataset-month';
import type { Ask } from './dashboard-cache';

/** The live screen's contract: the unit with this selection on subscribe, and again after each change in its subtree. */
const LIVE_SCREEN = `subscription($unit: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  dashboardUpdated(unit: $unit) { code caseStats(from: $from, to: $to) { filed } }
}`;
/** How long a filing may take to show before it counts as missed. */
const PATIENCE_MS = 10_000;
const POLL_MS = 100;

/** Commit-to-screen latencies of one observer (ms), or why it could not be measured. */
export type Freshness =
  { p50: number; p95: number; max: number; seen: number; missed: number } | { unavailable: string };

export interface FreshnessResult {
  filings: number;
  dashboard: Freshness;
  liveScreen: Freshness;
}

interface Sighting {
  at: number;
  filed: number;
}

/** Polls the city dashboard (this month) as a warm client every ~100 ms, recording the city's filings. */
function pollDashboard(ask: Ask, token: string, city: string, variables: Record<string, unknown>) {
  const sightings: Sighting[] = [];
  const query = cityDashboardQuery(city);
  let running = true;
  let failure: string | undefined;
  const done = (async () => {
    while (running) {
      const started = Date.now();
      try {
        const r = await ask(query, variables, token);
        sightings.push({ at: Date.now(), filed: (r.data['unit'] as { caseStats: { filed: number } }).caseStats.filed });
      } catch (e) {
        failure ??= e instanceof Error ? e.message : String(e);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, POLL_MS - (Date.now() - started))));
    }
  })();
  return {
    sightings,
    failure: () => failure,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** Subscribes a live screen of the city, or says why it could not (a gateway without `dashboardUpdated`). */
type LiveScreen = { sightings: () => Sighting[]; close: () => Promise<void> } | { unavailable: string };

async function watchLiveScreen(
  gatewayUrl: string,
  token: string,
  city: string,
  variables: Record<string, unknown>,
): Promise<LiveScreen> {
  const screen = new Subscriber(gatewayUrl, token, LIVE_SCREEN, {
    unit: city,
    from: variables['from'],
    to: variables['to'],
  });
  try {
    await screen.start();
    await screen.waitFor(1, 5000);
  } catch (e) {
    await screen.close().catch(() => undefined);
    return { unavailable: e instanceof Error ? e.message : String(e) };
  }
  if (screen.received.length === 0) {
    await screen.close();
    const why = screen.errors.length ? JSON.stringify(screen.errors[0]).slice(0, 160) : 'no first answer within 5 s';
    return { unavailable: why };
  }
  const sightings = (): Sighting[] =>
    screen.received.flatMap((r) => {
      const unit = r.data['dashboardUpdated'] as { caseStats?: { filed: number } } | null | undefined;
      return unit?.caseStats ? [{ at: r.at, filed: unit.caseStats.filed }] : [];
    });
  return { sightings, close: () => screen.close() };
}

function summarize(latencies: (number | undefined)[]): Freshness {
  const l = new Latency();
  for (const ms of latencies) if (ms !== undefined) l.add(ms);
  const seen = l.count;
  return {
    p50: l.percentile(50),
    p95: l.percentile(95),
    max: l.percentile(100),
    seen,
    missed: latencies.length - seen,
  };
}

/**
 * From a filing's commit (`fileOne` returning) to (a) the city dashboard through the gateway
 * showing it, polled as a warm client, and (b) a live screen's subscription pushing it. Filings are
 * dated now, so both ask for the current month. One filing at a time; each waits until both have
 * shown it (or PATIENCE_MS passed).
 */
export async function measureFreshness(o: {
  gatewayUrl: string;
  ask: Ask;
  token: string;
  city: string;
  filings: number;
  fileOne: (n: number) => Promise<void>;
}): Promise<FreshnessResult> {
  const variables = monthVariables(currentMonth(new Date()));
  const baseline = await o.ask(cityDashboardQuery(o.city), variables, o.token);
  const base = (baseline.data['unit'] as { caseStats: { filed: number } }).caseStats.filed;
  const poller = pollDashboard(o.ask, o.token, o.city, variables);
  const live = await watchLiveScreen(o.gatewayUrl, o.token, o.city, variables);
  const toDashboard: (number | undefined)[] = [];
  const toScreen: (number | undefined)[] = [];
  try {
    for (let i = 1; i <= o.filings; i++) {
      await o.fileOne(i);
      const committed = Date.now();
      const firstShowing = (s: Sighting[]) => s.find((x) => x.at >= committed && x.filed >= base + i);
      const deadline = committed + PATIENCE_MS;
      while (
        Date.now() < deadline &&
        !(firstShowing(poller.sightings) && ('unavailable' in live || firstShowing(live.sightings())))
      ) {
        await new Promise((r) => setTimeout(r, 10));
      }
      const after = (s: Sighting | undefined) => (s ? s.at - committed : undefined);
      toDashboard.push(after(firstShowing(poller.sightings)));
      if (!('unavailable' in live)) toScreen.push(after(firstShowing(live.sightings())));
    }
  } finally {
    await poller.stop();
    if (!('unavailable' in live)) await live.close();
  }
  const pollFailure = poller.failure();
  return {
    filings: o.filings,
    dashboard:
      pollFailure !== undefined && toDashboard.every((x) => x === undefined)
        ? { unavailable: pollFailure }
        : summarize(toDashboard),
    liveScreen: 'unavailable' in live ? { unavailable: live.unavailable } : summarize(toScreen),
  };
}
