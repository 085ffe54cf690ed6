import { accountGateError, AccountGateErrorCode } from './account-gate.errors';

describe('accountGateError', () => {
  it.each(Object.values(AccountGateErrorCode))('gives %s a Chinese message and keeps the English code', (code) => {
    const error = accountGateError(code);
    expect(error.extensions['code']).toBe(code);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
