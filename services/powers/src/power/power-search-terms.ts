/**
 * Abbreviations (简称) people type for words that power names spell out in full, e.g. 低保 for
 * 最低生活保障. Only settled, nationally used forms; each maps to the full words catalogs use.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  低保: ['最低生活保障'],
  五保: ['特困人员', '五保供养'],
  医保: ['医疗保障', '医疗保险'],
  社保: ['社会保险', '社会保障'],
  公租房: ['公共租赁住房'],
  廉租房: ['廉租住房'],
};

/**
 * The texts a catalog search looks for inside names: the query itself and, for each
 * abbreviation it contains, the query with the abbreviation spelt out (农村低保 -> 农村最低生活保障).
 * Invariant: the first term is the trimmed query; terms are distinct.
 */
export function powerSearchTerms(text: string): string[] {
  const query = text.trim();
  const terms = [query];
  for (const [short, fulls] of Object.entries(ABBREVIATIONS)) {
    if (!query.includes(short)) continue;
    for (const full of fulls) terms.push(query.split(short).join(full));
  }
  return [...new Set(terms)];
}
