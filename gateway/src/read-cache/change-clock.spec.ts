import { ScopeChangeClock } from './change-clock';

describe('ScopeChangeClock', () => {
  it('marks the unit and every scope above it, and nothing beside or below it', () => {
    const clock = new ScopeChangeClock();
    const before = clock.sequence;
    clock.record('139901001001'); // a village
    expect(clock.changedSince('1399', before)).toBe(true); // city
    expect(clock.changedSince('139901', before)).toBe(true); // its county
    expect(clock.changedSince('139901001', before)).toBe(true); // its township
    expect(clock.changedSince('139901001001', before)).toBe(true); // itself
    expect(clock.changedSince('139902', before)).toBe(false); // the sibling county
    expect(clock.changedSince('139901002', before)).toBe(false); // a sibling township
    expect(clock.changedSince(null, before)).toBe(true); // the public sees every unit
  });

  it('a change at a county does not touch its townships', () => {
    const clock = new ScopeChangeClock();
    const before = clock.sequence;
    clock.record('139901000000');
    expect(clock.changedSince('139901', before)).toBe(true);
    expect(clock.changedSince('1399', before)).toBe(true);
    expect(clock.changedSince('139901001', before)).toBe(false);
  });

  it('a change at an unknown unit marks every scope', () => {
    const clock = new ScopeChangeClock();
    const before = clock.sequence;
    clock.record(null);
    expect(clock.changedSince('139902001', before)).toBe(true);
    clock.record('not a code');
    expect(clock.changedSince('139903', before + 1)).toBe(true);
  });

  it('compares with the sequence read before: only later changes count', () => {
    const clock = new ScopeChangeClock();
    clock.record('139901001001');
    const after = clock.sequence;
    expect(clock.changedSince('139901', after)).toBe(false);
    expect(clock.changedSince(null, after)).toBe(false);
  });
});
