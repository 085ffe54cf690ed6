import { caseBackoffSeconds, LOOKUP_LIMITS, lookupKeys } from './lookup-limits';

describe('lookup limits', () => {
  it('lets the first failures on a case pass, then doubles the wait up to its cap', () => {
    const free = LOOKUP_LIMITS.freeFailuresPerCase;
    expect([1, free].map(caseBackoffSeconds)).toEqual([0, 0]);
    expect([free + 1, free + 2, free + 3, free + 4].map(caseBackoffSeconds)).toEqual([30, 60, 120, 240]);
    expect(caseBackoffSeconds(free + 30)).toBe(LOOKUP_LIMITS.backoffCapSeconds);
    expect(caseBackoffSeconds(10_000)).toBe(LOOKUP_LIMITS.backoffCapSeconds);
  });

  it('keys a case by number and client, and a client alone', () => {
    expect(lookupKeys('139901000000-2026-000001', '203.0.113.7')).toEqual({
      pair: 'case:139901000000-2026-000001|203.0.113.7',
      client: 'client:203.0.113.7',
    });
    expect(lookupKeys(null, '203.0.113.7').pair).toBe('case:-|203.0.113.7');
  });

  it('lets hammering one case within a window earn fewer failures than the client budget', () => {
    let failures = 0;
    for (let t = 0; t < LOOKUP_LIMITS.clientWindowSeconds; t += caseBackoffSeconds(failures) || 1) failures++;
    expect(failures).toBeLessThan(LOOKUP_LIMITS.clientBudget);
  });
});
