/** A GraphQL answer's `data` and `extensions` (the response cache reports `asOf` and `cacheStatus` there). */
export interface GraphqlAnswer<T> {
  data: T;
  extensions: Record<string, unknown> | undefined;
}

/** POSTs a GraphQL request and returns `data` and `extensions`; a GraphQL error or a non-200 answer throws. */
export async function graphqlExchange<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphqlAnswer<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: T | null;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: Record<string, unknown>;
  };
  if (body.errors?.length)
    throw new Error(`${body.errors[0]!.extensions?.code ?? 'ERROR'}: ${body.errors[0]!.message}`);
  if (!res.ok || !body.data) throw new Error(`HTTP ${res.status} without data`);
  return { data: body.data, extensions: body.extensions };
}

/** POSTs a GraphQL request and returns `data`; a GraphQL error or a non-200 answer throws. */
export async function graphqlPost<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<T> {
  return (await graphqlExchange<T>(url, query, variables, headers)).data;
}
