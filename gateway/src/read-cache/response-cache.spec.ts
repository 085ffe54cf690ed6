import { ScopeChangeClock } from './change-clock';
import { ResponseCache, type Fill } from './response-cache';

describe('ResponseCache', () => {
  let now = 0;
  const clock = new ScopeChangeClock();
  const cache = () => new ResponseCache<string>({ maxBytes: 10_000, maxAgeMs: 5000, clock, now: () => now });
  /** A fill that counts its runs and answers `value` (kept) after `delayMs`. */
  const filler = (value: string, delayMs = 0) => {
    const fill = Object.assign(
      (async () => {
        fill.runs++;
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        return { raw: value, keep: { data: { value } } };
      }) as Fill<string>,
      { runs: 0 },
    );
    return fill;
  };

  beforeEach(() => (now = 1_000_000));

  it('fills once for concurrent callers of one key, then answers from memory', async () => {
    const c = cache();
    const fill = filler('a', 20);
    const answers = await Promise.all(Array.from({ length: 20 }, () => c.get('k', '139901', fill)));
    expect(fill.runs).toBe(1);
    expect(answers.every((a) => a.status === 'MISS' && a.entry?.body.data['value'] === 'a')).toBe(true);
    const hit = await c.get('k', '139901', fill);
    expect(hit).toMatchObject({ status: 'HIT', entry: { asOf: 1_000_000 } });
    expect(fill.runs).toBe(1);
  });

  it('never serves an entry whose scope changed after it was read: the caller waits for the refill', async () => {
    const c = cache();
    await c.get('k', '139901', filler('old'));
    clock.record('139901001001');
    const answer = await c.get('k', '139901', filler('new'));
    expect(answer).toMatchObject({ status: 'MISS', entry: { body: { data: { value: 'new' } } } });
    // A change elsewhere leaves it alone.
    clock.record('139902001001');
    expect(await c.get('k', '139901', filler('other'))).toMatchObject({
      status: 'HIT',
      entry: { body: { data: { value: 'new' } } },
    });
  });

  it('serves an unchanged entry past half the maximum age while refreshing it, and never past the maximum age', async () => {
    const c = cache();
    await c.get('k', '139901', filler('v1'));
    now += 3000;
    const refresh = filler('v2', 10);
    expect(await c.get('k', '139901', refresh)).toMatchObject({
      status: 'STALE',
      entry: { body: { data: { value: 'v1' } } },
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(refresh.runs).toBe(1);
    expect(await c.get('k', '139901', filler('unused'))).toMatchObject({
      status: 'HIT',
      entry: { body: { data: { value: 'v2' } } },
    });
    now += 5001;
    expect(await c.get('k', '139901', filler('v3'))).toMatchObject({
      status: 'MISS',
      entry: { body: { data: { value: 'v3' } } },
    });
  });

  it('with requireFresh, waits for the refresh instead of serving a STALE entry', async () => {
    const c = cache();
    await c.get('k', null, filler('v1'));
    now += 3000;
    expect(await c.get('k', null, filler('v2'), true)).toMatchObject({
      status: 'MISS',
      entry: { body: { data: { value: 'v2' } } },
    });
  });

  it('returns an answer it may not keep without keeping it', async () => {
    const c = cache();
    const refused: Fill<string> = async () => ({ raw: 'OUT_OF_SCOPE' });
    expect(await c.get('k', '139901', refused)).toEqual({ status: 'MISS', raw: 'OUT_OF_SCOPE' });
    expect(c.count).toBe(0);
  });

  it('stays within its memory bound, dropping the least recently used entries', async () => {
    const c = new ResponseCache<string>({ maxBytes: 2000, maxAgeMs: 5000, clock, now: () => now });
    for (let i = 0; i < 50; i++)
      await c.get(`k${i}`, null, async () => ({ raw: '', keep: { data: { value: 'x'.repeat(100) } } }));
    expect(c.size).toBeLessThanOrEqual(2000);
    expect(c.count).toBeLessThan(50);
    expect((await c.get('k49', null, filler('refilled'))).status).toBe('HIT');
  });

  it('peeks only at an entry that would be a HIT', async () => {
    const c = cache();
    expect(c.peek('k')).toBeUndefined();
    await c.get('k', '139901', filler('v'));
    expect(c.peek('k')?.body.data['value']).toBe('v');
    now += 3000; // past half the maximum age: Apollo's path refreshes it
    expect(c.peek('k')).toBeUndefined();
    now -= 3000;
    clock.record('139901001001');
    expect(c.peek('k')).toBeUndefined();
  });

  it('runs at most maxConcurrentFills fills at once; the rest wait their turn', async () => {
    const c = new ResponseCache<string>({
      maxBytes: 10_000,
      maxAgeMs: 5000,
      maxConcurrentFills: 2,
      clock,
      now: () => now,
    });
    let running = 0;
    let most = 0;
    const fill: Fill<string> = async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return { raw: '', keep: { data: { value: 'x' } } };
    };
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => c.get(`k${i}`, null, fill)));
    expect(answers.every((a) => a.status === 'MISS')).toBe(true);
    expect(most).toBe(2);
  });
});
