import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextPeriod, parsePeriodKey, periodLabel, periodOf, periodsOverlapping } from './periods.ts';

describe('periods', () => {
  test('keys and bounds of each kind', () => {
    assert.deepEqual(periodOf('monthly', '2026-09-15'), {
      key: '2026-M09',
      start: '2026-09-01',
      end: '2026-09-30',
    });
    assert.deepEqual(periodOf('monthly', '2024-02-29'), {
      key: '2024-M02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    assert.deepEqual(periodOf('quarterly', '2026-09-30'), {
      key: '2026-Q3',
      start: '2026-07-01',
      end: '2026-09-30',
    });
    assert.deepEqual(periodOf('quarterly', '2026-01-01'), {
      key: '2026-Q1',
      start: '2026-01-01',
      end: '2026-03-31',
    });
    assert.deepEqual(periodOf('half_yearly', '2026-07-01'), {
      key: '2026-H2',
      start: '2026-07-01',
      end: '2026-12-31',
    });
    assert.deepEqual(periodOf('half_yearly', '2026-06-30'), {
      key: '2026-H1',
      start: '2026-01-01',
      end: '2026-06-30',
    });
    assert.deepEqual(periodOf('yearly', '2026-03-02'), {
      key: '2026-Y',
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  test('next period crosses the year', () => {
    assert.equal(nextPeriod('monthly', periodOf('monthly', '2025-12-05')).key, '2026-M01');
    assert.equal(nextPeriod('quarterly', periodOf('quarterly', '2025-11-05')).key, '2026-Q1');
    assert.equal(nextPeriod('half_yearly', periodOf('half_yearly', '2025-11-05')).key, '2026-H1');
    assert.equal(nextPeriod('yearly', periodOf('yearly', '2025-11-05')).key, '2026-Y');
    assert.equal(nextPeriod('quarterly', periodOf('quarterly', '2026-02-01')).key, '2026-Q2');
  });

  test('periods overlapping a range include both partial ends', () => {
    assert.deepEqual(
      periodsOverlapping('quarterly', '2025-11-20', '2026-04-01').map((p) => p.key),
      ['2025-Q4', '2026-Q1', '2026-Q2'],
    );
    assert.equal(periodsOverlapping('monthly', '2024-01-01', '2026-12-31').length, 36);
    assert.deepEqual(
      periodsOverlapping('yearly', '2026-01-01', '2026-01-01').map((p) => p.key),
      ['2026-Y'],
    );
    assert.deepEqual(periodsOverlapping('monthly', '2026-02-01', '2026-01-31'), []);
  });

  test('parse and label keys', () => {
    assert.deepEqual(parsePeriodKey('2026-M09'), {
      period: 'monthly',
      key: '2026-M09',
      start: '2026-09-01',
      end: '2026-09-30',
    });
    assert.equal(parsePeriodKey('2026-H2').end, '2026-12-31');
    assert.equal(parsePeriodKey('2026-Y').start, '2026-01-01');
    assert.equal(parsePeriodKey('2026-Q3').start, '2026-07-01');
    for (const bad of ['2026-M13', '2026-Q5', '2026', 'E:2026-01-01:1', '2026-M9'])
      assert.throws(() => parsePeriodKey(bad), /obligation.bad_period/);
    assert.equal(periodLabel('2026-M09'), '2026年9月');
    assert.equal(periodLabel('2026-Q3'), '2026年第3季度');
    assert.equal(periodLabel('2026-H1'), '2026年上半年');
    assert.equal(periodLabel('2026-Y'), '2026年度');
    assert.equal(periodLabel('E:2026-03-01:1'), 'E:2026-03-01:1');
  });
});
