import { powerSearchTerms } from './power-search-terms';

describe('powerSearchTerms', () => {
  it('spells out a known abbreviation inside the query', () => {
    expect(powerSearchTerms(' 低保 ')).toEqual(['低保', '最低生活保障']);
    expect(powerSearchTerms('农村低保')).toEqual(['农村低保', '农村最低生活保障']);
    expect(powerSearchTerms('社保')).toEqual(['社保', '社会保险', '社会保障']);
  });

  it('leaves other text as it is', () => {
    expect(powerSearchTerms('许可')).toEqual(['许可']);
    expect(powerSearchTerms('XK-001')).toEqual(['XK-001']);
  });
});
