import { Validation } from '@sunlight/shared';
import { checkApplicant, isIdentityDocumentNumber } from './case-input.validation';

function problems(idNumber: string, phone = '13812345678') {
  const v = new Validation();
  checkApplicant(v, { name: '王小明', idNumber, phone });
  try {
    v.throwIfAny();
    return [];
  } catch (e) {
    return (e as { problems: { field: string }[] }).problems.map((p) => p.field);
  }
}

describe('checkApplicant', () => {
  it('accepts a resident ID number with its GB 11643 check character, x in lower case too', () => {
    expect(problems('139901199001011232')).toEqual([]);
    expect(problems('11010519491231002x')).toEqual([]);
  });

  it('refuses a resident ID number whose check character is wrong, and one made of letters', () => {
    expect(problems('139901199001011234')).toEqual(['applicant.idNumber']);
    expect(problems('ABCDEFGHIJKLMNOPQR')).toEqual(['applicant.idNumber']);
    expect(problems('ABCDEFGH')).toEqual(['applicant.idNumber']);
  });

  it('accepts a credit code and a passport or permit number', () => {
    expect(isIdentityDocumentNumber('92139901MA0X4TQ21B')).toBe(true);
    expect(isIdentityDocumentNumber('E12345678')).toBe(true);
    expect(isIdentityDocumentNumber('C12345678')).toBe(true);
    expect(isIdentityDocumentNumber('12345')).toBe(false);
  });

  it('validates the phone as a mainland mobile or a landline with its area code', () => {
    expect(problems('139901199001011232', '0318-2345678')).toEqual([]);
    expect(problems('139901199001011232', '12345678901')).toEqual(['applicant.phone']);
    expect(problems('139901199001011232', '2345678')).toEqual(['applicant.phone']);
  });
});
