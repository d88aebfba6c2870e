import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedCalendar } from './calendar.ts';
import { runCalendarCommand } from './cli.ts';

const cal = shippedCalendar();
const run = (...args: string[]) => runCalendarCommand(args, cal);

function assertUsageError(args: string[], stderrPattern: RegExp) {
  const r = run(...args);
  assert.equal(r.code, 2, `exit code for ${args.join(' ')}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, stderrPattern);
}

test('add-working-days prints the date, with " provisional" past the data', () => {
  assert.deepEqual(run('add-working-days', '2025-01-02', '20'), {
    code: 0,
    stdout: '2025-02-06\n',
    stderr: '',
  });
  assert.deepEqual(run('add-working-days', '2026-12-15', '20'), {
    code: 0,
    stdout: '2027-01-13 provisional\n',
    stderr: '',
  });
  assert.equal(run('add-working-days', '2025-10-01', '0').stdout, '2025-10-01\n');
});

test('is-working-day prints yes / no, with " provisional" past the data', () => {
  assert.deepEqual(run('is-working-day', '2026-02-14'), { code: 0, stdout: 'yes\n', stderr: '' });
  assert.equal(run('is-working-day', '2026-02-16').stdout, 'no\n');
  assert.equal(run('is-working-day', '2026-02-21').stdout, 'no\n');
  assert.equal(run('is-working-day', '2027-01-01').stdout, 'no provisional\n');
  assert.equal(run('is-working-day', '2027-01-04').stdout, 'yes provisional\n');
});

test('list 2024 prints weekday holidays and weekend workdays in date order', () => {
  const r = run('list', '2024');
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  assert.equal(
    r.stdout,
    [
      '2024-01-01 holiday',
      '2024-02-04 workday',
      '2024-02-12 holiday',
      '2024-02-13 holiday',
      '2024-02-14 holiday',
      '2024-02-15 holiday',
      '2024-02-16 holiday',
      '2024-02-18 workday',
      '2024-04-04 holiday',
      '2024-04-05 holiday',
      '2024-04-07 workday',
      '2024-04-28 workday',
      '2024-05-01 holiday',
      '2024-05-02 holiday',
      '2024-05-03 holiday',
      '2024-05-11 workday',
      '2024-06-10 holiday',
      '2024-09-14 workday',
      '2024-09-16 holiday',
      '2024-09-17 holiday',
      '2024-09-29 workday',
      '2024-10-01 holiday',
      '2024-10-02 holiday',
      '2024-10-03 holiday',
      '2024-10-04 holiday',
      '2024-10-07 holiday',
      '2024-10-12 workday',
      '',
    ].join('\n'),
  );
  // Weekend days inside a block (Sat 2024-02-10) are ordinary days off and not listed.
  assert.doesNotMatch(r.stdout, /2024-02-10/);
  // 除夕 2024-02-09 was a working day under the notice.
  assert.doesNotMatch(r.stdout, /2024-02-09/);
});

test('list 2020 reflects the Spring Festival extension', () => {
  const out = run('list', '2020').stdout;
  assert.match(out, /^2020-01-31 holiday$/m);
  assert.match(out, /^2020-01-19 workday$/m);
  assert.doesNotMatch(out, /2020-02-01/);
});

test('errors exit 2 with a Chinese message and the English gist on stderr', () => {
  assertUsageError(
    ['add-working-days', '2025-13-01', '20'],
    /^日期格式不正确：2025-13-01（应为 YYYY-MM-DD）/,
  );
  assertUsageError(['is-working-day', '2025-02-29'], /日期格式不正确：2025-02-29.*Invalid date/);
  assertUsageError(
    ['add-working-days', '2025-01-02'],
    /缺少参数.*Missing argument[\s\S]*add-working-days <YYYY-MM-DD> <n>/,
  );
  for (const n of ['-1', '1.5', 'abc', '', '1e3', '10001', ' 20']) {
    assertUsageError(['add-working-days', '2025-01-02', n], /工作日数不正确.*Invalid number of working days/);
  }
  assertUsageError(['is-working-day'], /缺少参数/);
  assertUsageError(['is-working-day', '2025-01-02', 'extra'], /参数过多.*Too many arguments/);
  assertUsageError(['list', '2027'], /没有 2027 年的节假日安排数据（已有：2020–2026）/);
  assertUsageError(['list', '2019'], /没有 2019 年/);
  assertUsageError(['list', '24'], /年份格式不正确：24/);
  assertUsageError(['list'], /缺少参数/);
  assertUsageError(['frobnicate'], /未知的子命令：frobnicate。Unknown subcommand\.[\s\S]*用法 Usage/);
  assertUsageError([], /缺少子命令/);
});

test('help prints usage on stdout with exit 0', () => {
  const r = run('help');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /add-working-days <YYYY-MM-DD> <n>/);
  assert.match(r.stdout, /list <YYYY>/);
});
