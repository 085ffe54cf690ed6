import type { Notice } from '../../api/leader-queries';

/** Today's date in China Standard Time, YYYY-MM-DD (notice deadlines are local dates). */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const DAY = 86_400_000;

/** Where a notice stands against its deadline, in words: 剩余 N 天, 今天到期, 已逾期 N 天, 已办结. */
export function noticeClock(
  n: Pick<Notice, 'deadline' | 'status' | 'overdue'>,
  today = todayInChina(),
): {
  text: string;
  tone: 'success' | 'info' | 'warning' | 'danger';
} {
  if (n.status === 'CLOSED') return { text: '已办结', tone: 'success' };
  const days = Math.round((Date.parse(n.deadline) - Date.parse(today)) / DAY);
  if (n.overdue || days < 0) return { text: `已逾期 ${Math.max(1, -days)} 天`, tone: 'danger' };
  if (days === 0) return { text: '今天到期', tone: 'warning' };
  return { text: `剩余 ${days} 天`, tone: days <= 3 ? 'warning' : 'info' };
}
