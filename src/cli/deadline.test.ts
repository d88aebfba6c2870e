import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { shippedCalendar } from '../calendar/calendar.ts';
import { deadlineVectors } from '../requests/clock/vectors-fixture.ts';
import { runDeadlineCommand } from './deadline.ts';
import { run } from './main.ts';

const cal = shippedCalendar();
const vectors = deadlineVectors(cal);
const repoRoot = new URL('../../', import.meta.url);

/** `gongkai …` through main's run() in-process: what the binary does minus process start-up. */
async function gongkai(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { log: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.map((s) => `${s}\n`).join(''), stderr: err.map((s) => `${s}\n`).join('') };
}

const deadline = (...args: string[]) => runDeadlineCommand(args, cal);

function checkVectorOutput(id: string, line: string, stdout: string, argv: string[]) {
  const lines = stdout.split('\n').filter(Boolean);
  assert.ok(lines.includes(line), `${id}: \`gongkai ${argv.join(' ')}\` printed ${JSON.stringify(stdout)}`);
  if (argv[1] !== 'annual-report') assert.equal(stdout, `${line}\n`, id);
}

for (const v of vectors) {
  test(`vector ${v.id} through the CLI: gongkai ${v.argv.join(' ')} → ${v.line}`, async () => {
    const r = await gongkai(...v.argv);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    checkVectorOutput(v.id, v.line, r.stdout, v.argv);
  });
}

test('real processes: node bin/gongkai.js deadline … (exit codes and output)', async () => {
  const exec = promisify(execFile);
  const spawn = (...args: string[]) =>
    exec(process.execPath, ['bin/gongkai.js', 'deadline', ...args], { cwd: repoRoot, timeout: 60_000 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );
  const c2 = vectors.find((v) => v.id === 'C2')!;
  // In parallel: start-up dominates (~1–3 s each on a shared machine).
  const [provisional, combined, bad] = await Promise.all([
    spawn(...c2.argv.slice(1)),
    spawn(
      '--received=2025-09-26',
      '--supplement-received',
      '2025-10-20',
      '--pause',
      '2025-10-27:2025-11-07',
      '--pause',
      '2025-11-05:2025-11-06',
      '--extend',
      '10',
    ),
    spawn('--received', '2025-02-30'),
  ]);
  assert.deepEqual(provisional, { code: 0, stdout: '2027-01-13 provisional\n', stderr: '' });
  assert.deepEqual(combined, { code: 0, stdout: '2025-12-12\n', stderr: '' });
  assert.equal(bad.code, 2);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /requests\.clock\.bad_date.*2025-02-30/);
});

test('--pause is repeatable and --explain prints the steps after the date', () => {
  const r = deadline(
    '--received',
    '2025-03-03',
    '--pause',
    '2025-03-20:2025-03-28',
    '--pause=2025-03-05:2025-03-10',
    '--explain',
  );
  assert.equal(r.code, 0);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines[0], cal.addWorkingDays('2025-03-28', 10).date);
  assert.equal(lines[1], '2025-03-03 收到申请（收到之日不计入，自次日起计算 20 个工作日）');
  assert.match(lines[2], /^2025-03-05 至 2025-03-10 期限中止：此前已用 2 个工作日/);
  assert.match(lines[3], /^2025-03-20 至 2025-03-28 期限中止：此前已用 10 个工作日/);
  assert.equal(lines[4], `答复期限：${lines[0]}`);
});

test('bad input exits 2 with a clear message and prints nothing on stdout', () => {
  const cases: [string[], RegExp][] = [
    [[], /缺少选项：--received/],
    [['--received'], /--received 缺少值/],
    [['--received', '2025-13-01'], /requests\.clock\.bad_date.*2025-13-01.*YYYY-MM-DD/],
    [['--received', '2025-01-02', '--received', '2025-01-03'], /选项重复：--received/],
    [['--received', '2025-01-02', '--supplement-received', '2024-12-31'], /supplement_before_received/],
    [['--received', '2025-01-02', '--pause', '2025-01-05'], /requests\.clock\.bad_pause.*START:END/],
    [['--received', '2025-01-02', '--pause', '2025-01-09:2025-01-05'], /pause_reversed/],
    [['--received', '2025-01-02', '--pause', '2024-12-30:2025-01-05'], /pause_before_received/],
    [['--received', '2025-01-02', '--extend', '0'], /bad_extension.*1 至 20/],
    [['--received', '2025-01-02', '--extend', '21'], /bad_extension/],
    [['--received', '2025-01-02', '--extend', '1.5'], /bad_extension/],
    [['--received', '2025-01-02', '--extend', '-3'], /bad_extension/],
    [['--received', '2025-01-02', '--extend'], /--extend 缺少值/],
    [['--received', '2025-01-02', '--explain=yes'], /--explain 不带值/],
    [['--received', '2025-01-02', '--days', '5'], /未知的选项：--days/],
    [['2025-01-02'], /未知的子命令：2025-01-02/],
    [['supplement-notice', '--received', '2025-01-02', 'extra'], /多余的参数/],
    [['supplement-notice', '--letter-received', '2025-01-02'], /未知的选项/],
    [['annual-report', '--year', '25'], /bad_year/],
  ];
  for (const [args, pattern] of cases) {
    const r = deadline(...args);
    assert.equal(r.code, 2, `exit code of deadline ${args.join(' ')}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, pattern, `stderr of deadline ${args.join(' ')}`);
  }
});

test('help mentions the calendar used', async () => {
  for (const r of [deadline('--help'), deadline('help'), await gongkai('deadline', 'help')]) {
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--pause START:END/);
    assert.match(r.stdout, /shipped State Council notices/);
  }
  assert.match((await gongkai('help')).stdout, /deadline --received DATE/);
});
