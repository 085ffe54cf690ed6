import { isResidentIdNumber, residentIdCheckCharacter } from './resident-id-number';

describe('isResidentIdNumber (GB 11643-1999)', () => {
  it('accepts numbers whose check character matches, X included', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('139901199001011232')).toBe(true);
    expect(isResidentIdNumber('110101199003071233')).toBe(true);
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('13990119900101123')).toBe('2');
  });

  it('refuses a wrong check character, letters, a wrong length and an impossible birth date', () => {
    expect(isResidentIdNumber('139901199001011234')).toBe(false);
    expect(isResidentIdNumber('11010519491231002x')).toBe(false);
    expect(isResidentIdNumber('ABCDEFGHIJKLMNOPQR')).toBe(false);
    expect(isResidentIdNumber('13990119900101123')).toBe(false);
    expect(isResidentIdNumber('1399011990010112320')).toBe(false);
    const feb30 = '13990119900230123';
    expect(isResidentIdNumber(feb30 + residentIdCheckCharacter(feb30))).toBe(false);
    const year1800 = '13990118000101123';
    expect(isResidentIdNumber(year1800 + residentIdCheckCharacter(year1800))).toBe(false);
  });
});
