import type { WorkingCalendar } from '../calendar/calendar.ts';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import {
  annualReportDue,
  type ClockPause,
  computeReplyDeadline,
  consultationReplyDue,
  explainClock,
  feePaymentDue,
  supplementNoticeDue,
} from '../requests/clock/index.ts';
import { flagAll, parseArgs } from './args.ts';

/**
 * Core of `gongkai deadline …` as a pure function (arguments after 'deadline' in, exit code and
 * text out), like `gongkai calendar`: tests run it in-process, main.ts only writes the strings.
 * Exit 0 on success, 2 on any input error, with a Chinese message and its English gist on stderr.
 */

export interface DeadlineCommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const DEADLINE_USAGE = `用法 Usage:
  gongkai deadline --received DATE [--supplement-received DATE] [--pause START:END]... [--extend N] [--explain]
      依申请公开答复期限 / reply deadline of an information request (OGI Art. 33, regulations.md §1.6)
      --received             收到申请之日 (Art. 31) / the legal received date
      --supplement-received  收到补正后申请之日：20 个工作日重新起算 / 补正 supplement receipt: the clock restarts
      --pause START:END      中止期间：征求意见函送达之日:中止结束之日，可重复 / consultation letter receipt → end of
                             the pause (third party, co-producer, fee window); repeatable, overlapping ones merge
      --extend N             延长 N 个工作日 (1–20) / one extension of N working days
      --explain              另起行输出计算过程 / also print how the date was computed
  gongkai deadline supplement-notice --received DATE         补正告知最迟日（7 个工作日）/ last day for the 补正 notice
  gongkai deadline consultation-reply --letter-received DATE 征求意见答复期满日（15 个工作日）/ end of the reply window
  gongkai deadline fee-payment --notice-received DATE        缴费期满日（20 个工作日）/ last day to pay the fee
  gongkai deadline annual-report --year YYYY                 年度报告截止日 / annual report due dates (Art. 49)

Prints YYYY-MM-DD, followed by " provisional" when a counted day lies in a year whose holiday
arrangement is not known yet (estimate; recompute when the State Council notice is out).
Calendar: the shipped State Council notices (平台内置国务院节假日安排), the same for every county, so the
answer does not depend on the environment. Add --tenant-calendar to use instead the calendar the
office saved for the tenant (DATABASE_URL and GONGKAI_TENANT).`;

const EXIT_USAGE = 2;

const SUBCOMMANDS: Record<string, string[]> = {
  reply: ['received', 'supplement-received', 'pause', 'extend', 'explain'],
  'supplement-notice': ['received'],
  'consultation-reply': ['letter-received'],
  'fee-payment': ['notice-received'],
  'annual-report': ['year'],
};
const SWITCHES = new Set(['explain', 'tenant-calendar']);
const REPEATABLE = new Set(['pause']);

/** English gists of the error codes, for the staff member whose terminal mangles Chinese. */
const GIST: Record<string, string> = {
  'requests.clock.bad_date': 'invalid date, expected a real YYYY-MM-DD',
  'requests.clock.supplement_before_received': 'supplement received before the request',
  'requests.clock.pause_reversed': 'pause ends before it starts',
  'requests.clock.pause_before_received': 'pause starts before the request was received',
  'requests.clock.bad_extension': 'extension must be a whole number of working days from 1 to 20',
  'requests.clock.bad_year': 'invalid year',
  'requests.clock.bad_pause': 'pause must be START:END',
  'calendar.out_of_range': 'result outside the supported date range',
};

export function runDeadlineCommand(argv: readonly string[], cal: WorkingCalendar): DeadlineCommandResult {
  const args = parseArgs([...argv]);
  const [sub = 'reply', ...extra] = args.positionals;
  if (sub === 'help' || args.flags.has('help')) return { code: 0, stdout: `${DEADLINE_USAGE}\n`, stderr: '' };
  const allowed = SUBCOMMANDS[sub];
  if (!allowed) return usage(`未知的子命令：${sub}。Unknown subcommand.`);
  if (extra.length > 0) return usage(`多余的参数：${extra.join(' ')}。Unexpected argument.`);
  for (const [name, values] of args.flags) {
    if (name === 'tenant-calendar') continue;
    if (!allowed.includes(name)) return usage(`未知的选项：--${name}。Unknown option.`);
    if (values.length > 1 && !REPEATABLE.has(name)) return usage(`选项重复：--${name}。Option given twice.`);
    const bad = values.find((v) => (v === 'true') !== SWITCHES.has(name));
    if (bad !== undefined) {
      return usage(
        SWITCHES.has(name)
          ? `选项 --${name} 不带值。Option takes no value.`
          : `选项 --${name} 缺少值。Missing value.`,
      );
    }
  }
  const one = (name: string) => args.flags.get(name)?.[0];
  const need = (name: string) => {
    const v = one(name);
    if (v === undefined) throw new MissingOption(name);
    return v;
  };
  try {
    switch (sub) {
      case 'supplement-notice':
        return dateResult(supplementNoticeDue(cal, need('received')));
      case 'consultation-reply':
        return dateResult(consultationReplyDue(cal, need('letter-received')));
      case 'fee-payment':
        return dateResult(feePaymentDue(cal, need('notice-received')));
      case 'annual-report': {
        const year = need('year');
        const due = annualReportDue(/^\d{4}$/.test(year) ? Number(year) : Number.NaN);
        return ok([`${due.department} department`, `${due.government} government`]);
      }
      default: {
        const extend = one('extend');
        const result = computeReplyDeadline(cal, {
          received: need('received'),
          supplementReceived: one('supplement-received'),
          pauses: flagAll(args, 'pause').map(parsePause),
          // digits only, so '1.5', '1e1' and '' reach the engine as NaN and are refused there
          extendDays:
            extend === undefined ? undefined : /^\d{1,3}$/.test(extend) ? Number(extend) : Number.NaN,
        });
        const first = result.provisional ? `${result.due} provisional` : result.due;
        return ok(args.flags.has('explain') ? [first, ...explainClock(result)] : [first]);
      }
    }
  } catch (e) {
    if (e instanceof MissingOption) return usage(`缺少选项：--${e.option}。Missing option.`);
    // Only input errors become exit code 2; anything else is a bug and must surface.
    if (e instanceof AppError) {
      const gist = GIST[e.code];
      return fail(`错误 [${e.code}]：${t(e.code, e.params)}${gist ? ` (${gist})` : ''}`);
    }
    throw e;
  }
}

class MissingOption extends Error {
  constructor(readonly option: string) {
    super(option);
  }
}

function parsePause(text: string): ClockPause {
  const m = /^([^:]+):([^:]+)$/.exec(text);
  if (!m) throw new AppError('requests.clock.bad_pause', { status: 422, params: { value: text } });
  return { start: m[1], end: m[2] };
}

function dateResult(r: { date: string; provisional: boolean }): DeadlineCommandResult {
  return ok([r.provisional ? `${r.date} provisional` : r.date]);
}

function ok(lines: string[]): DeadlineCommandResult {
  return { code: 0, stdout: lines.map((l) => `${l}\n`).join(''), stderr: '' };
}

function fail(message: string): DeadlineCommandResult {
  return { code: EXIT_USAGE, stdout: '', stderr: `${message}\n` };
}

function usage(message: string): DeadlineCommandResult {
  return fail(`${message}\n\n${DEADLINE_USAGE}`);
}
