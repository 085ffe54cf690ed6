import type { PowerCategory } from './power-category';

/** The code prefix of each category (许可 XK, 处罚 CF, ...). */
export const CATEGORY_CODE: Record<PowerCategory, string> = {
  LICENSING: 'XK',
  PENALTY: 'CF',
  COERCION: 'QZ',
  LEVY: 'ZS',
  BENEFIT: 'JF',
  INSPECTION: 'JC',
  CONFIRMATION: 'QR',
  REWARD: 'JL',
  ADJUDICATION: 'CJ',
  OTHER: 'QT',
};

/** The code of a unit's `no`-th power of `category` in a seeded catalog: `XK-001`, `CF-012`. */
export function powerCode(category: PowerCategory, no: number): string {
  return `${CATEGORY_CODE[category]}-${String(no).padStart(3, '0')}`;
}
