import { ServiceClient, type TokenService } from '@sunlight/shared';

/** Asks the cases subgraph how many cases each unit's subtree filed in a period (one request). */
export function casesFiledClient(url: string, tokens: TokenService) {
  const client = new ServiceClient(url, tokens, 'service:complaints');
  return async (codes: string[], from: Date, to: Date): Promise<Map<string, number>> => {
    const data = await client.query<{ _entities: ({ code: string; caseStats: { filed: number } } | null)[] }>(
      'query($r: [_Any!]!, $from: DateTimeISO!, $to: DateTimeISO!) { _entities(representations: $r) { ... on Unit { code caseStats(from: $from, to: $to) { filed } } } }',
      { r: codes.map((code) => ({ __typename: 'Unit', code })), from: from.toISOString(), to: to.toISOString() },
    );
    return new Map(
      data._entities
        .filter((e): e is { code: string; caseStats: { filed: number } } => e !== null)
        .map((e) => [e.code, e.caseStats.filed]),
    );
  };
}
