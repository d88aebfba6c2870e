import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import chineseDays from 'chinese-days';
import { readReference } from '../../test/helpers/reference.ts';
import { shippedCalendar } from './calendar.ts';
import { SHIPPED_YEARS } from './holidays-data.ts';

/**
 * The shipped notices checked against two independent sources: the project's verified reference
 * for 2025–2026 (exact lists) and npm chinese-days@1.5.7 for 2020–2026 (day by day, plus its raw
 * holiday/workday lists). A disagreement means a transcription error until proven otherwise.
 */

const _repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const cal = shippedCalendar();

function* daysOf(year: number): Generator<string> {
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    yield d.toISOString().slice(0, 10);
  }
}

/** All shipped marks regrouped by the calendar year of the date (chinese-days groups that way). */
function byDateYear(kind: 'holidays' | 'makeupWorkdays', year: number): string[] {
  return SHIPPED_YEARS.flatMap((a) => a[kind])
    .filter((d) => d.startsWith(`${year}-`))
    .sort();
}

test('shipped data: 2020–2026, one notice each, sorted and unique lists', () => {
  assert.deepEqual(
    SHIPPED_YEARS.map((a) => a.year),
    [2020, 2021, 2022, 2023, 2024, 2025, 2026],
  );
  for (const a of SHIPPED_YEARS) {
    assert.match(
      a.source ?? '',
      new RegExp(`国务院办公厅关于${a.year}年部分节假日安排的通知（国办发明电〔\\d{4}〕\\d+号`),
    );
    for (const list of [a.holidays, a.makeupWorkdays]) {
      assert.deepEqual(list, [...new Set(list)].sort(), `${a.year} list sorted and unique`);
    }
  }
});

test('2025–2026 match cn-calendar-2025-2026.json exactly', () => {
  const ref = readReference('cn-calendar-2025-2026.json') as Record<
    string,
    { holidays: string[]; makeupWorkdays: string[] }
  >;
  for (const year of [2025, 2026]) {
    const ours = cal.arrangement(year);
    assert.ok(ours, `no shipped data for ${year}`);
    assert.ok(ref[year], `reference has no ${year}`);
    assert.deepEqual([...ours.holidays], [...ref[year].holidays].sort(), `${year} holidays`);
    assert.deepEqual(
      [...ours.makeupWorkdays],
      [...ref[year].makeupWorkdays].sort(),
      `${year} makeupWorkdays`,
    );
  }
});

test('2020–2026 agree with chinese-days day by day (isWorkday) and list by list', () => {
  let checked = 0;
  const diffs: string[] = [];
  for (let year = 2020; year <= 2026; year++) {
    for (const d of daysOf(year)) {
      const ours = cal.dayInfo(d);
      assert.equal(ours.provisional, false, d);
      if (ours.working !== chineseDays.isWorkday(d))
        diffs.push(`${d}: ours ${ours.working ? 'work' : 'off'}`);
      checked += 1;
    }
    // Raw lists too: catches a weekend holiday typed on the wrong day, which isWorkday cannot see.
    const raw = JSON.parse(readFileSync(require.resolve(`chinese-days/dist/years/${year}.json`), 'utf8')) as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    assert.deepEqual(byDateYear('holidays', year), Object.keys(raw.holidays).sort(), `${year} holidays`);
    assert.deepEqual(
      byDateYear('makeupWorkdays', year),
      Object.keys(raw.workdays).sort(),
      `${year} workdays`,
    );
  }
  assert.deepEqual(diffs, []);
  assert.equal(checked, 2557);
});

test('2020 Spring Festival extension (国办发明电〔2020〕1号) is applied, as in chinese-days', () => {
  for (const d of ['2020-01-31', '2020-02-01', '2020-02-02']) {
    assert.equal(cal.isWorkingDay(d), false, d);
    assert.equal(chineseDays.isWorkday(d), false, `chinese-days ${d}`);
  }
  // The original notice's make-up Saturday 2020-02-01 no longer exists; work resumed Mon 02-03.
  assert.equal(cal.dayInfo('2020-02-01').kind, 'holiday');
  assert.equal(cal.isWorkingDay('2020-02-03'), true);
  assert.equal(cal.isWorkingDay('2020-01-19'), true);
});

test('chinese-days has no 2027 data (tripwire: if this fails, add the 2027 notice here)', () => {
  // chinese-days treats 2027-01-01 as an ordinary Friday; we flag provisional and keep 元旦 off.
  assert.equal(chineseDays.findWorkday(20, '2026-12-15'), '2027-01-12');
  assert.deepEqual(cal.addWorkingDays('2026-12-15', 20), { date: '2027-01-13', provisional: true });
});
