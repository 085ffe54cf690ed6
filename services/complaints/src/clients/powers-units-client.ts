import { ServiceClient, type TokenService } from '@sunlight/shared';

/** Asks the powers subgraph which of the given codes are units it knows (one request). */
export function knownUnitsClient(url: string, tokens: TokenService) {
  const client = new ServiceClient(url, tokens, 'service:complaints');
  return async (codes: string[]): Promise<Set<string>> => {
    const data = await client.query<{ _entities: ({ code: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { code } } }',
      { r: codes.map((code) => ({ __typename: 'Unit', code })) },
    );
    return new Set(data._entities.filter((e): e is { code: string } => e !== null).map((e) => e.code));
  };
}
