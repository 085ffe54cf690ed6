import { RISK_INDICATORS } from './risk-indicators';

describe('risk indicators as officials read them', () => {
  it('name and describe every indicator in Chinese, with no English sentence left', () => {
    for (const d of RISK_INDICATORS) {
      expect({ key: d.key, name: /\p{Script=Han}/u.test(d.name) }).toEqual({ key: d.key, name: true });
      expect({ key: d.key, description: /\p{Script=Han}/u.test(d.description) }).toEqual({
        key: d.key,
        description: true,
      });
      expect(d.description).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{2,}/);
    }
  });
});
