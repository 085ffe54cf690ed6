import { Role } from '@sunlight/shared';
import type { PowerSnapshot } from '../clients/power-snapshot';
import { canSeePersonalData, mask } from './personal-data';
import { queryCode } from './query-code';

const snapshot = {
  flow: [{ stepNo: 1, name: '受理', postId: null, departmentId: 'dept-window', timeLimitDays: 1 }],
} as unknown as PowerSnapshot;
const c = { unitCode: '139901001001', departmentId: 'dept-window', snapshot };

describe('personal data', () => {
  it('is visible to the handling department, leaders and inspectors in scope only', () => {
    expect(
      canSeePersonalData({ subject: 'a', role: Role.CLERK, unit: '139901001001', department: 'dept-window' }, c),
    ).toBe(true);
    expect(
      canSeePersonalData({ subject: 'b', role: Role.CLERK, unit: '139901001001', department: 'dept-other' }, c),
    ).toBe(false);
    expect(canSeePersonalData({ subject: 'c', role: Role.LEADER, unit: '139901001000' }, c)).toBe(true);
    expect(canSeePersonalData({ subject: 'd', role: Role.INSPECTOR, unit: '139901000000' }, c)).toBe(true);
    expect(canSeePersonalData({ subject: 'e', role: Role.INSPECTOR, unit: '139902000000' }, c)).toBe(false);
    expect(canSeePersonalData({ subject: 'f', role: Role.ADMIN, unit: '139901001001' }, c)).toBe(false);
    expect(canSeePersonalData({ subject: 'public', role: Role.PUBLIC }, c)).toBe(false);
    expect(canSeePersonalData({ subject: 'service:x', role: Role.SERVICE }, c)).toBe(false);
  });

  it('masks names, id numbers and phones', () => {
    expect(mask.name('王小明')).toBe('王**');
    expect(mask.name('欧阳')).toBe('欧*');
    expect(mask.idNumber('139901199001011234')).toBe('1399**********1234');
    expect(mask.phone('13812345678')).toBe('138****5678');
  });
});

describe('query codes', () => {
  const key = new Uint8Array(32).fill(7);
  it('are derived, stable and checked case-insensitively', () => {
    const code = queryCode.for(key, 'case-1');
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(queryCode.for(key, 'case-1')).toBe(code);
    expect(queryCode.for(key, 'case-2')).not.toBe(code);
    expect(queryCode.matches(key, 'case-1', code.toLowerCase())).toBe(true);
    expect(queryCode.matches(key, 'case-1', 'AAAAAAAA')).toBe(false);
    expect(queryCode.matches(new Uint8Array(32).fill(8), 'case-1', code)).toBe(false);
  });
});
