import { Tier } from './tier';
import { unitCode } from './unit-code';

describe('unitCode', () => {
  it('derives the tier from the code', () => {
    expect(unitCode.tierOf('139900000000')).toBe(Tier.CITY);
    expect(unitCode.tierOf('139901000000')).toBe(Tier.COUNTY);
    expect(unitCode.tierOf('139901001000')).toBe(Tier.TOWNSHIP);
    expect(unitCode.tierOf('139901001004')).toBe(Tier.VILLAGE);
  });

  it('contains by fixed-width prefix, not by loose string prefix', () => {
    expect(unitCode.contains('139901000000', '139901001004')).toBe(true);
    expect(unitCode.contains('139901000000', '139902001004')).toBe(false);
    // a township 001 must not contain township 0010xx-looking codes of another township
    expect(unitCode.contains('139901001000', '139901010001')).toBe(false);
    expect(unitCode.contains('139901001001', '139901001001')).toBe(true);
    expect(unitCode.contains('139901001001', '139901001002')).toBe(false);
    expect(unitCode.contains('139900000000', '13990100000')).toBe(false);
  });

  it('gives the inclusive range of a subtree', () => {
    expect(unitCode.subtreeRange('139901000000')).toEqual({ low: '139901000000', high: '139901999999' });
    expect(unitCode.subtreeRange('139901001000')).toEqual({ low: '139901001000', high: '139901001999' });
    expect(unitCode.subtreeRange('139901001004')).toEqual({ low: '139901001004', high: '139901001004' });
  });

  it('knows each parent', () => {
    expect(unitCode.parentOf('139901001004')).toBe('139901001000');
    expect(unitCode.parentOf('139901001000')).toBe('139901000000');
    expect(unitCode.parentOf('139901000000')).toBe('139900000000');
    expect(unitCode.parentOf('139900000000')).toBeNull();
  });

  it('rejects malformed codes', () => {
    expect(unitCode.isValid('1399010010')).toBe(false);
    expect(unitCode.isValid('13990100100a')).toBe(false);
    expect(unitCode.isValid('130000000000')).toBe(false);
    expect(unitCode.isValid('139901001004')).toBe(true);
  });
});
