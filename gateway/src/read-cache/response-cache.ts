import { LRUCache } from 'lru-cache';
import type { ScopeChangeClock } from './change-clock';

/** A finished response body as the cache keeps it. */
export interface CachedBody {
  data: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/** One cache entry: the body, when its data was read and the change sequence it was read at. */
export interface CacheEntry {
  body: CachedBody;
  /** Wall-clock ms when the fill that produced it started (nothing committed later is in it). */
  asOf: number;
  /** The change clock's sequence when that fill started. */
  seq: number;
  scope: string | null;
  bytes: number;
  /** The whole answer as a HIT sends it (`extensions.asOf`, `cacheStatus: 'HIT'`), made once at the fill; its length is the entry's size. */
  json: string;
}

/** A kept body as it is answered: with when its data was read (`asOf`) and how it was obtained. */
export function withFreshness(body: CachedBody, asOf: number, status: CacheStatus) {
  return {
    data: body.data,
    extensions: { ...body.extensions, asOf: new Date(asOf).toISOString(), cacheStatus: status },
  };
}

/** How an answer was obtained: HIT (unchanged, young), STALE (unchanged, past half the maximum age: refresh under way), MISS (filled for this request). */
export type CacheStatus = 'HIT' | 'STALE' | 'MISS';

export interface ResponseCacheOptions {
  maxBytes: number;
  /** At most this many fills run at once; the rest queue (bounds the memory of cold bursts). */
  maxConcurrentFills?: number;
  /** The oldest entry ever served; older ones are refilled before answering. */
  maxAgeMs: number;
  clock: ScopeChangeClock;
  now?: () => number;
}

/** Runs the real operation as the caller: its raw answer, and the body to keep when it may be kept (no errors). */
export type Fill<R> = () => Promise<{ raw: R; keep?: CachedBody }>;

/** An answer: a kept entry (HIT, STALE or a MISS that was kept), or the raw answer of a fill that was not kept. */
export type CacheAnswer<R> =
  { status: CacheStatus; entry: CacheEntry; raw?: undefined } | { status: 'MISS'; entry?: undefined; raw: R };

interface Filled<R> {
  entry?: CacheEntry;
  raw: R;
}

/**
 * A bounded store of read responses with one fill at a time per key: callers that arrive during a
 * fill wait for it instead of running the same operation again.
 *
 * - An entry is *changed* once the change clock records a change in its scope after it was read.
 *   A changed entry is never served: the caller waits for the refill, so nobody reads figures
 *   older than a change the gateway has heard of.
 * - An unchanged entry is served as HIT up to half the maximum age; after that it is served as
 *   STALE while one refresh runs (refresh ahead), and past the maximum age it is refilled before
 *   answering. A served answer is therefore never older than `maxAgeMs`, which also bounds what a
 *   lost notification can cost.
 *
 * Memory is bounded by `maxBytes`; least recently used entries go first.
 */
export class ResponseCache<R> {
  private readonly entries: LRUCache<string, CacheEntry>;
  private readonly fills = new Map<string, Promise<Filled<R>>>();
  private readonly now: () => number;
  private running = 0;
  private readonly queued: (() => void)[] = [];
  readonly stats = { hits: 0, stale: 0, misses: 0, fills: 0 };

  constructor(private readonly options: ResponseCacheOptions) {
    this.entries = new LRUCache<string, CacheEntry>({
      maxSize: options.maxBytes,
      sizeCalculation: (e) => Math.max(1, e.bytes),
    });
    this.now = options.now ?? Date.now;
  }

  /** The entry for `key` when it would be a HIT now (unchanged, young), else undefined. */
  peek(key: string): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry || this.options.clock.changedSince(entry.scope, entry.seq)) return undefined;
    if (this.now() - entry.asOf > this.options.maxAgeMs / 2) return undefined;
    this.stats.hits++;
    return entry;
  }

  /**
   * The answer for `key`: from the cache when it may be served, else from `fill` (shared with any
   * concurrent caller of the same key). With `requireFresh`, a STALE entry is not served either:
   * the caller waits for the refresh.
   */
  async get(key: string, scope: string | null, fill: Fill<R>, requireFresh = false): Promise<CacheAnswer<R>> {
    const entry = this.entries.get(key);
    if (entry) {
      const age = this.now() - entry.asOf;
      const changed = this.options.clock.changedSince(entry.scope, entry.seq);
      if (!changed && age <= this.options.maxAgeMs / 2) {
        this.stats.hits++;
        return { entry, status: 'HIT' };
      }
      if (!changed && !requireFresh && age <= this.options.maxAgeMs) {
        this.stats.stale++;
        void this.refresh(key, scope, fill).catch(() => undefined);
        return { entry, status: 'STALE' };
      }
    }
    this.stats.misses++;
    const filled = await this.refresh(key, scope, fill);
    return filled.entry ? { status: 'MISS', entry: filled.entry } : { status: 'MISS', raw: filled.raw };
  }

  /** Starts a fill for `key` unless one is under way; resolves to its entry (when kept) and raw answer. */
  private refresh(key: string, scope: string | null, fill: Fill<R>): Promise<Filled<R>> {
    const running = this.fills.get(key);
    if (running) return running;
    const seq = this.options.clock.sequence;
    const asOf = this.now();
    this.stats.fills++;
    const promise = this.slot(fill)
      .then(({ raw, keep }): Filled<R> => {
        if (!keep) return { raw };
        const json = JSON.stringify(withFreshness(keep, asOf, 'HIT'));
        const entry: CacheEntry = { body: keep, asOf, seq, scope, json, bytes: 2 * json.length };
        this.entries.set(key, entry);
        return { entry, raw };
      })
      .finally(() => this.fills.delete(key));
    this.fills.set(key, promise);
    return promise;
  }

  /** Runs `fill` when fewer than `maxConcurrentFills` are running, else after one ends. */
  private async slot<T>(fill: () => Promise<T>): Promise<T> {
    const limit = this.options.maxConcurrentFills ?? Infinity;
    if (this.running >= limit) await new Promise<void>((resolve) => this.queued.push(resolve));
    this.running++;
    try {
      return await fill();
    } finally {
      this.running--;
      this.queued.shift()?.();
    }
  }

  /** Bytes held by entries. */
  get size(): number {
    return this.entries.calculatedSize;
  }

  get count(): number {
    return this.entries.size;
  }
}
