import { ServiceCallError, ServiceClient, type Principal, type TokenService } from '@sunlight/shared';

/** A case as the cases service describes it for rating. */
export interface RatableCase {
  caseId: string;
  unitCode: string;
  powerId: string;
  steps: { stepNo: number; name: string; done: boolean; departmentId: string; postId: string | null }[];
}

/** What evaluations asks other services. */
export interface Upstream {
  /** The case with that number and code, null when unknown or the code is wrong; throws RATE_LIMITED. */
  ratableCase(number: string, code: string, onBehalfOf: Principal): Promise<RatableCase | null>;
  /** The unit of a department, or null when unknown. */
  departmentUnit(departmentId: string): Promise<string | null>;
  /** The department and unit of a post, or null when unknown. */
  post(postId: string): Promise<{ departmentId: string; unitCode: string } | null>;
  /** Which of `unitCodes` are units of the city (one request); an unknown one is absent. */
  knownUnits(unitCodes: string[]): Promise<Set<string>>;
  /** Names of units and posts (one request); an unknown one is absent. */
  names(unitCodes: string[], postIds: string[]): Promise<TargetNames>;
}

/** Names (名称) by unit code and by post id. */
export interface TargetNames {
  units: Map<string, string>;
  posts: Map<string, string>;
}

/** Calls the cases and powers subgraphs with a service credential. */
export class ServiceUpstream implements Upstream {
  private readonly cases: ServiceClient;
  private readonly powers: ServiceClient;

  constructor(urls: { cases: string; powers: string }, tokens: TokenService) {
    this.cases = new ServiceClient(urls.cases, tokens, 'service:evaluations');
    this.powers = new ServiceClient(urls.powers, tokens, 'service:evaluations');
  }

  async ratableCase(number: string, code: string, onBehalfOf: Principal): Promise<RatableCase | null> {
    try {
      const data = await this.cases.query<{ ratableCase: RatableCase }>(
        'query($n: String!, $c: String!) { ratableCase(number: $n, queryCode: $c) { caseId unitCode powerId steps { stepNo name done departmentId postId } } }',
        { n: number, c: code },
        onBehalfOf,
      );
      return data.ratableCase;
    } catch (e) {
      if (e instanceof ServiceCallError && e.code === 'CASE_NOT_FOUND') return null;
      throw e;
    }
  }

  async departmentUnit(departmentId: string): Promise<string | null> {
    const data = await this.powers.query<{ _entities: ({ unitCode: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { unitCode } } }',
      { r: [{ __typename: 'Department', id: departmentId }] },
    );
    return data._entities[0]?.unitCode ?? null;
  }

  async post(postId: string): Promise<{ departmentId: string; unitCode: string } | null> {
    const data = await this.powers.query<{
      _entities: ({ departmentId: string; department: { unitCode: string } | null } | null)[];
    }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Post { departmentId department { unitCode } } } }',
      { r: [{ __typename: 'Post', id: postId }] },
    );
    const p = data._entities[0];
    return p?.department ? { departmentId: p.departmentId, unitCode: p.department.unitCode } : null;
  }

  async knownUnits(unitCodes: string[]): Promise<Set<string>> {
    const data = await this.powers.query<{ _entities: ({ code: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { code } } }',
      { r: unitCodes.map((code) => ({ __typename: 'Unit', code })) },
    );
    return new Set(data._entities.filter((e): e is { code: string } => e !== null).map((e) => e.code));
  }

  async names(unitCodes: string[], postIds: string[]): Promise<TargetNames> {
    const out: TargetNames = { units: new Map(), posts: new Map() };
    if (unitCodes.length + postIds.length === 0) return out;
    const data = await this.powers.query<{
      _entities: (
        { __typename: 'Unit'; code: string; name: string } | { __typename: 'Post'; id: string; name: string } | null
      )[];
    }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Unit { code name } ... on Post { id name } } }',
      {
        r: [
          ...unitCodes.map((code) => ({ __typename: 'Unit', code })),
          ...postIds.map((id) => ({ __typename: 'Post', id })),
        ],
      },
    );
    for (const e of data._entities) {
      if (e?.__typename === 'Unit') out.units.set(e.code, e.name);
      else if (e?.__typename === 'Post') out.posts.set(e.id, e.name);
    }
    return out;
  }
}
