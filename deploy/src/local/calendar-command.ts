import { readFile } from 'node:fs/promises';
import { AppError, loadHolidayNotice, rowsOf, type CalendarQueryable, type CalendarProblem } from '@sunlight/shared';

export const CALENDAR_USAGE = [
  'usage: npm run -s calendar -- load --file <notice.json> [--by <name>] [--database-url <url>]',
  '       npm run -s calendar -- list [--database-url <url>]',
  'notice.json: {"year": 2025, "title": "国务院办公厅关于2025年部分节假日安排的通知", "number": "<文号>",',
  '              "days": [{"date": "2025-01-01", "working": false, "note": "元旦"}, ...]}',
].join('\n');

/** What the `calendar` command was asked to do. */
export type CalendarCommand = { verb: 'load'; file: string; by: string } | { verb: 'list' };

/** Reads the command line (after `--`); `defaultBy` names who loads when `--by` is absent. */
export function parseCalendarCommand(argv: readonly string[], defaultBy: string): CalendarCommand {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv[0] === 'list') return { verb: 'list' };
  const file = arg('file');
  if (argv[0] !== 'load' || !file) throw new Error(CALENDAR_USAGE);
  return { verb: 'load', file, by: arg('by') ?? defaultBy };
}

/**
 * Runs the `calendar` command against the database as its owner: `load` validates a notice file
 * and loads it through the shared calendar's one write path (traced as a COMMAND load by
 * `command:<by>`; a repeat writes nothing; every running service reloads), `list` prints the
 * loaded years. Returns the lines to print.
 * @throws AppError with every problem of the notice (see {@link describeCalendarError}).
 */
export async function runCalendarCommand(db: CalendarQueryable, command: CalendarCommand): Promise<string[]> {
  if (command.verb === 'list') {
    const rows = rowsOf<{ year: number; title: string; number: string; loaded_by: string; via: string; at: string }>(
      await db.query(
        `SELECT n.year, l.title, l.number, l.loaded_by, l.via, to_char(l.loaded_at, 'YYYY-MM-DD HH24:MI:SSOF') AS at
           FROM calendar.notice n JOIN calendar.load l ON l.id = n.load_id ORDER BY n.year`,
      ),
    );
    return rows.map(
      (r) => `${r.year}\t${r.title}${r.number ? `（${r.number}）` : ''}\t${r.via} ${r.loaded_by} ${r.at}`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(command.file, 'utf8'));
  } catch (e) {
    throw new Error(`无法读取通知文件 ${command.file}：${(e as Error).message}`);
  }
  const load = await loadHolidayNotice(db, input, { loadedBy: `command:${command.by}`, via: 'COMMAND' });
  const when = new Date(load.loadedAt).toISOString();
  return load.changed
    ? [`已载入 ${load.year} 年节假日安排：${load.title}，共 ${load.days} 天（载入记录 ${load.loadId}，${when}）`]
    : [`${load.year} 年已按相同内容载入，未作改动（载入记录 ${load.loadId}，${load.via} ${load.loadedBy}，${when}）`];
}

/** An error of the command as lines for the terminal: the code and field of each problem. */
export function describeCalendarError(e: unknown): string[] {
  if (!(e instanceof AppError)) return [e instanceof Error ? e.message : String(e)];
  const problems = (e.problems ?? []) as CalendarProblem[];
  if (problems.length === 0) return [`${e.code}${e.field ? ` ${e.field}` : ''}：${e.message}`];
  return problems.map((p) => `${p.code} ${p.field}：${p.message}`);
}
