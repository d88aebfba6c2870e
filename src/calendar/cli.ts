import { AppError } from '../lib/errors.ts';
import { checkCount, MAX_WORKING_DAYS, type WorkingCalendar } from './calendar.ts';

/**
 * Core of `gongkai calendar …` as a pure function: arguments in (without the leading 'calendar'),
 * exit code and output text out, so the CLI wiring only writes the strings and exits, and tests
 * need no process. Output lines end with '\n'. Exit code 0 on success, 2 on any input error.
 * Messages are Chinese with the English gist, for the office staff who run them.
 */

export interface CalendarCommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const EXIT_USAGE = 2;

const COMMANDS = {
  'add-working-days': 'add-working-days <YYYY-MM-DD> <n>',
  'is-working-day': 'is-working-day <YYYY-MM-DD>',
  list: 'list <YYYY>',
} as const;

const USAGE = [
  '用法 Usage: gongkai calendar <子命令>',
  `  ${COMMANDS['add-working-days'].padEnd(36)}起算日之后的第 n 个工作日（起算日不计入）/ n-th working day after the date`,
  `  ${COMMANDS['is-working-day'].padEnd(36)}是否工作日，输出 yes 或 no / whether the date is a working day`,
  `  ${COMMANDS.list.padEnd(36)}该年放假的工作日（holiday）与调休上班的周末（workday）/ exceptions to Mon–Fri`,
  '结果后带 provisional：该年国务院节假日安排尚未录入，按周末及元旦、劳动节、国庆的固定日期估算（不含农历节日）。',
  'A trailing "provisional": no arrangement for that year yet; estimated from weekends and fixed-date holidays only.',
].join('\n');

export function runCalendarCommand(args: readonly string[], cal: WorkingCalendar): CalendarCommandResult {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'add-working-days': {
        const argError = checkArity(command, rest, 2);
        if (argError) return argError;
        const n = parseCount(rest[1]);
        const r = cal.addWorkingDays(rest[0], n);
        return ok(r.provisional ? `${r.date} provisional` : r.date);
      }
      case 'is-working-day': {
        const argError = checkArity(command, rest, 1);
        if (argError) return argError;
        const info = cal.dayInfo(rest[0]);
        const answer = info.working ? 'yes' : 'no';
        return ok(info.provisional ? `${answer} provisional` : answer);
      }
      case 'list': {
        const argError = checkArity(command, rest, 1);
        if (argError) return argError;
        const year = parseYear(rest[0]);
        return ok(cal.exceptions(year).map((e) => `${e.date} ${e.kind}`));
      }
      case 'help':
      case '--help':
      case '-h':
        return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
      case undefined:
        return fail(`缺少子命令。Missing subcommand.\n${USAGE}`);
      default:
        return fail(`未知的子命令：${command}。Unknown subcommand.\n${USAGE}`);
    }
  } catch (e) {
    // Only our own input errors become exit code 2; anything else is a bug and must surface.
    if (e instanceof AppError) return fail(messageFor(e, cal));
    throw e;
  }
}

function checkArity(
  command: keyof typeof COMMANDS,
  rest: readonly string[],
  want: number,
): CalendarCommandResult | null {
  if (rest.length === want) return null;
  const what = rest.length < want ? '缺少参数。Missing argument.' : '参数过多。Too many arguments.';
  return fail(`${what}\n用法 Usage: gongkai calendar ${COMMANDS[command]}`);
}

/** Digits only: rejects '', '-1', '1.5', '20abc' and '1e3' that Number() would accept or coerce. */
function parseCount(text: string): number {
  const n = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  checkCount(n);
  return n;
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new AppError('calendar.bad_year', { params: { value: text } });
  return Number(text);
}

function messageFor(e: AppError, cal: WorkingCalendar): string {
  const v = String(e.params.value ?? '');
  switch (e.code) {
    case 'calendar.bad_date':
      return `日期格式不正确：${v}（应为 YYYY-MM-DD）。Invalid date, expected YYYY-MM-DD.`;
    case 'calendar.bad_count':
      return `工作日数不正确：${v}（应为 0 至 ${MAX_WORKING_DAYS} 的整数）。Invalid number of working days.`;
    case 'calendar.bad_year':
      return `年份格式不正确：${v}（应为四位数字，如 2024）。Invalid year, expected YYYY.`;
    case 'calendar.no_data':
      return `没有 ${e.params.year} 年的节假日安排数据（已有：${yearsText(cal.years())}）。No holiday arrangement for that year.`;
    case 'calendar.out_of_range':
      return `结果超出支持的日期范围。Result is outside the supported date range.`;
    default:
      return `${e.code} ${JSON.stringify(e.params)}`;
  }
}

/** '2020–2026' when contiguous, else a comma list; 'none' for an empty calendar. */
function yearsText(years: number[]): string {
  if (years.length === 0) return '无 none';
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return contiguous ? `${years[0]}–${years[years.length - 1]}` : years.join('、');
}

function ok(lines: string | string[]): CalendarCommandResult {
  const list = Array.isArray(lines) ? lines : [lines];
  return { code: 0, stdout: list.map((l) => `${l}\n`).join(''), stderr: '' };
}

function fail(message: string): CalendarCommandResult {
  return { code: EXIT_USAGE, stdout: '', stderr: `${message}\n` };
}
