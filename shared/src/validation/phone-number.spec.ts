import { isPhoneNumber } from './phone-number';

describe('isPhoneNumber', () => {
  it.each([
    '13812345678',
    '19912345678',
    '+8613812345678',
    '+86 13812345678',
    '0318-2345678',
    '01082345678',
    '(010)82345678',
    '0318-2345678-801',
  ])('accepts %s', (phone) => expect(isPhoneNumber(phone)).toBe(true));

  it.each([
    '12812345678',
    '1381234567',
    '138123456789',
    '2345678',
    '0318-0345678',
    'abcdefghijk',
    '110',
    '13812345678 ',
    '+1 2025550123',
  ])('refuses %s', (phone) => expect(isPhoneNumber(phone)).toBe(false));
});
