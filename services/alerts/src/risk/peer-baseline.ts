import {
  ServiceClient,
  TREND_CATALOG,
  type RollupTrends,
  type SubgraphName,
  type Tier,
  type TokenService,
  type TrendName,
} from '@sunlight/shared';
import type { AlertMeasure } from '../stats/alert-month-sums';
import { computePeerTable, type PeerTable } from './risk-calculator';
import { inputsAt, riskSelection, type RiskTrendInput, type UnitRiskInputs } from './risk-inputs';
import { REQUIRED_TRENDS } from './risk-inputs.type';

/** The inputs of every unit of a tier in a city, as fetched at one moment. */
export interface TierInputs {
  fetchedAt: Date;
  units: Map<string, UnitRiskInputs>;
}

/** Where a tier's inputs come from. */
export type TierInputSource = (tier: Tier, city: string) => Promise<TierInputs>;

type Rows<T> = { code: string; trend: T }[];

/**
 * Fetches a whole tier's inputs: one call to each subgraph whose trend the index requires (its
 * service-only `<trend>sOfTier` field, selecting the measures the index reads) plus the alerts'
 * own subtree sums.
 */
export function subgraphTierSource(
  urlOf: (subgraph: SubgraphName) => string,
  tokens: TokenService,
  alertTrends: () => RollupTrends<AlertMeasure>,
): TierInputSource {
  const peers = REQUIRED_TRENDS.map((trend) => ({
    trend,
    client: new ServiceClient(urlOf(TREND_CATALOG[trend].subgraph), tokens, 'service:alerts'),
    query: `query($tier: Tier!, $city: String!) { rows: ${trend}sOfTier(tier: $tier, city: $city) { code trend ${riskSelection(trend)} } }`,
  }));
  return async (tier, city) => {
    const [fetched, own] = await Promise.all([
      Promise.all(
        peers.map(async ({ trend, client, query }) => ({
          trend,
          rows: (await client.query<{ rows: Rows<RiskTrendInput<TrendName>> }>(query, { tier, city })).rows,
        })),
      ),
      alertTrends().forTier(tier, city.slice(0, 4)),
    ]);
    const units = new Map<string, UnitRiskInputs>();
    const put = (code: string, part: UnitRiskInputs) => units.set(code, { ...units.get(code), ...part });
    for (const { trend, rows } of fetched) rows.forEach((r) => put(r.code, { [trend]: r.trend }));
    own.forEach((r) => put(r.code, { alertTrend: { months: r.trend.months, ...r.trend.values } }));
    return { fetchedAt: new Date(), units };
  };
}

interface Entry {
  expires: number;
  pending: boolean;
  inputs: Promise<TierInputs>;
  tables: Map<string, PeerTable>;
}

/**
 * The peers a unit is compared with: every unit of its tier in its city. A tier's inputs are
 * fetched once and kept for `ttlMs` (concurrent requests share one fetch; a failed fetch is not
 * kept), and each month's peer table is computed once from them.
 */
export class PeerBaseline {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly source: TierInputSource,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async table(tier: Tier, city: string, month: string): Promise<{ table: PeerTable; fetchedAt: Date }> {
    const key = `${tier}|${city.slice(0, 4)}`;
    let entry = this.entries.get(key);
    if (!entry || (entry.expires <= this.clock() && !entry.pending)) {
      const fresh: Entry = { expires: Infinity, pending: true, inputs: this.source(tier, city), tables: new Map() };
      // The TTL runs from when the data arrived; until then every caller shares the one fetch.
      fresh.inputs.then(
        () => Object.assign(fresh, { pending: false, expires: this.clock() + this.ttlMs }),
        () => this.entries.get(key) === fresh && this.entries.delete(key),
      );
      this.entries.set(key, fresh);
      entry = fresh;
    }
    const inputs = await entry.inputs;
    let table = entry.tables.get(month);
    if (!table) {
      table = computePeerTable(new Map([...inputs.units].map(([code, u]) => [code, inputsAt(u, month)])));
      entry.tables.set(month, table);
    }
    return { table, fetchedAt: inputs.fetchedAt };
  }
}
