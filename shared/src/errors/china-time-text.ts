const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment as people in China read it in a message, in China Standard Time:
 * `2026年12月7日 09:05`.
 */
export function chinaTimeText(at: Date): string {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p['year']}年${Number(p['month'])}月${Number(p['day'])}日 ${p['hour']}:${p['minute']}`;
}
