import { chinaTimeText } from './china-time-text';

describe('chinaTimeText', () => {
  it('writes the moment in China Standard Time, in Chinese', () => {
    expect(chinaTimeText(new Date('2026-12-06T16:05:00Z'))).toBe('2026年12月7日 00:05');
    expect(chinaTimeText(new Date('2026-01-31T01:00:00Z'))).toBe('2026年1月31日 09:00');
  });
});
