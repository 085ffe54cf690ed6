import { ServiceClient, type RollupTrends, type Tier, type TokenService } from '@sunlight/shared';
import { computePeerTable, type PeerTable } from './risk-calculator';
import { inputsAt, type AlertTrendInput, type CaseTrendInput, type ComplaintTrendInput, type SatisfactionTrendInput, type UnitRiskInputs } from './risk-inputs';

/** The inputs of every unit of a tier in a city, as fetched at one moment. */
export interface TierInputs {
  fetchedAt: Date;
  units: Map<string, UnitRiskInputs>;
}

/** Where a tier's inputs come from. */
export type TierInputSource = (tier: Tier, city: string) => Promise<TierInputs>;

type Rows<T> = { code: string; trend: T }[];

/**
 * Fetches a whole tier's inputs: one call to each contributing subgraph (their service-only
 * `*TrendsOfTier` fields, each one SQL statement) plus one statement on the alerts' own rollup.
 */
export function subgraphTierSource(urls: { cases: string; evaluations: string; complaints: string }, tokens: TokenService, alertTrends: () => RollupTrends<'raised' | 'red' | 'undisposed'>): TierInputSource {
  const cases = new ServiceClient(urls.cases, tokens, 'service:alerts');
  const evaluations = new ServiceClient(urls.evaluations, tokens, 'service:alerts');
  const complaints = new ServiceClient(urls.complaints, tokens, 'service:alerts');
  const vars = (tier: Tier, city: string) => ({ tier, city });
  return async (tier, city) => {
    const [c, s, p, a] = await Promise.all([
      cases.query<{ rows: Rows<CaseTrendInput> }>('query($tier: Tier!, $city: String!) { rows: caseTrendsOfTier(tier: $tier, city: $city) { code trend { months filed completed overdue late } } }', vars(tier, city)),
      evaluations.query<{ rows: Rows<SatisfactionTrendInput> }>('query($tier: Tier!, $city: String!) { rows: satisfactionTrendsOfTier(tier: $tier, city: $city) { code trend { months ratings dissatisfied } } }', vars(tier, city)),
      complaints.query<{ rows: Rows<ComplaintTrendInput> }>('query($tier: Tier!, $city: String!) { rows: complaintTrendsOfTier(tier: $tier, city: $city) { code trend { months received } } }', vars(tier, city)),
      alertTrends().forTier(tier, city.slice(0, 4)),
    ]);
    const units = new Map<string, UnitRiskInputs>();
    const put = (code: string, part: UnitRiskInputs) => units.set(code, { ...units.get(code), ...part });
    c.rows.forEach((r) => put(r.code, { cases: r.trend }));
    s.rows.forEach((r) => put(r.code, { satisfaction: r.trend }));
    p.rows.forEach((r) => put(r.code, { complaints: r.trend }));
    a.forEach((r) => put(r.code, { alerts: { months: r.trend.months, ...r.trend.values } satisfies AlertTrendInput }));
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
