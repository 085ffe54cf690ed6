import { ServiceCallError, ServiceClient, type TokenService } from '@sunlight/shared';
import { powerSnapshot, type PowerSnapshot } from './power-snapshot';

const HEADER_QUERY = 'query($id: ID!) { power(id: $id) { id status publishedVersion unitCode } }';
const VERSION_QUERY = `query($id: ID!, $version: Int) {
  power(id: $id, version: $version) {
    id version code name category unitCode statutoryDays promisedDays state
    department { id }
    flow { stepNo name timeLimitDays post { id departmentId } }
    checkpoints { id stepNo kind params legalBasis description }
  }
}`;

/** What VERSION_QUERY answers: the snapshot's fields, but departments as the powers schema nests them. */
interface VersionData extends Omit<PowerSnapshot, 'departmentId' | 'flow'> {
  state: string;
  department: { id: string } | null;
  flow: { stepNo: number; name: string; timeLimitDays: number; post: { id: string; departmentId: string } | null }[];
}

/** A published power as the cases service needs it, or null when unknown, unpublished or retired. */
export interface PowersLookup {
  publishedSnapshot(powerId: string): Promise<PowerSnapshot | null>;
}

/** Snapshots kept per process (a few KB each); the least recently used goes first. */
const MAX_CACHED_VERSIONS = 5_000;

/**
 * Reads the powers subgraph directly with a service credential (role SERVICE): the only way the
 * cases service learns a power's flow. A published version never changes, so its snapshot is
 * cached by power id and version for as long as the process lives. Which version is published
 * (or whether the power was retired) can change at any moment and is asked on every filing: a
 * case filed after a publication or a withdrawal returned must see it, on every replica, and
 * nothing tells this process when it happens.
 */
export class PowersClient implements PowersLookup {
  private readonly cache = new Map<string, PowerSnapshot>();
  private readonly client: ServiceClient;

  constructor(url: string, tokens: TokenService) {
    this.client = new ServiceClient(url, tokens, 'service:cases');
  }

  private async query<T>(query: string, variables: Record<string, unknown>): Promise<T | null> {
    try {
      return await this.client.query<T>(query, variables);
    } catch (e) {
      if (e instanceof ServiceCallError && e.code === 'POWER_NOT_FOUND') return null;
      throw e;
    }
  }

  async publishedSnapshot(powerId: string): Promise<PowerSnapshot | null> {
    const header = await this.query<{ power: { status: string; publishedVersion: number | null } }>(HEADER_QUERY, {
      id: powerId,
    });
    const version = header?.power.status === 'PUBLISHED' ? header.power.publishedVersion : null;
    if (version === null || version === undefined) return null;
    const key = `${powerId}:${version}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const data = await this.query<{ power: VersionData }>(VERSION_QUERY, { id: powerId, version });
    if (!data || !data.power.department) return null;
    const p = data.power;
    const departmentId = data.power.department.id;
    const snapshot = powerSnapshot({
      ...p,
      departmentId,
      flow: p.flow.map(({ post, ...s }) => ({
        ...s,
        postId: post?.id ?? null,
        departmentId: post?.departmentId ?? departmentId,
      })),
    });
    if (this.cache.size >= MAX_CACHED_VERSIONS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, snapshot);
    return snapshot;
  }
}
