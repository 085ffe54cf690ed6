import { ASSERTION_HEADER, type Principal, type TokenService } from '@sunlight/shared';
import { DASHBOARD_FIELDS, type monthVariables } from '../../support/dashboard-query';
import { graphqlPost } from './graphql-post';

type Vars = ReturnType<typeof monthVariables>;
interface TreeUnit {
  code: string;
  children?: TreeUnit[];
}
type Entity = Record<string, unknown> & { code: string };

const entities = (fields: string, vars: string) =>
  `query($r: [_Any!]!${vars}) { _entities(representations: $r) { ... on Unit { code ${fields} } } }`;

/**
 * The city dashboard fetched straight from the subgraphs, as few round trips as it can take: the
 * unit tree from powers; then every unit's statistics from cases, evaluations and complaints at
 * once; then alerts with the trends the risk index requires. Returns the number of units.
 */
export function directDashboard(
  urls: Record<string, string>,
  tokens: TokenService,
  principal: Principal,
  city: string,
) {
  return async (v: Vars): Promise<number> => {
    const headers = { [ASSERTION_HEADER]: await tokens.assert(principal) };
    const tree = await graphqlPost<{ unit: TreeUnit }>(
      urls['powers']!,
      `{ unit(code: "${city}") { ${DASHBOARD_FIELDS.powers} children { ${DASHBOARD_FIELDS.powers} children { ${DASHBOARD_FIELDS.powers} } } } }`,
      {},
      headers,
    );
    const codes: string[] = [];
    const walk = (u: TreeUnit) => {
      codes.push(u.code);
      u.children?.forEach(walk);
    };
    walk(tree.unit);
    const r = codes.map((code) => ({ __typename: 'Unit', code }));
    const [cases, evaluations, complaints] = await Promise.all([
      graphqlPost<{ _entities: Entity[] }>(
        urls['cases']!,
        entities(DASHBOARD_FIELDS.cases, ', $from: DateTimeISO!, $to: DateTimeISO!'),
        { r, from: v.from, to: v.to },
        headers,
      ),
      graphqlPost<{ _entities: Entity[] }>(
        urls['evaluations']!,
        entities(DASHBOARD_FIELDS.evaluations, ', $dFrom: String!, $dTo: String!'),
        { r, dFrom: v.dFrom, dTo: v.dTo },
        headers,
      ),
      graphqlPost<{ _entities: Entity[] }>(
        urls['complaints']!,
        entities(DASHBOARD_FIELDS.complaints, ', $from: DateTimeISO!, $to: DateTimeISO!'),
        { r, from: v.from, to: v.to },
        headers,
      ),
    ]);
    const withTrends = codes.map((code, i) => ({
      __typename: 'Unit',
      code,
      caseTrend: cases._entities[i]!['caseTrend'],
      satisfactionTrend: evaluations._entities[i]!['satisfactionTrend'],
      complaintTrend: complaints._entities[i]!['complaintTrend'],
    }));
    const alerts = await graphqlPost<{ _entities: Entity[] }>(
      urls['alerts']!,
      entities(DASHBOARD_FIELDS.alerts, ', $month: String'),
      { r: withTrends, month: v.month },
      headers,
    );
    if (alerts._entities.length !== codes.length) throw new Error('alerts answered a different number of units');
    return codes.length;
  };
}
