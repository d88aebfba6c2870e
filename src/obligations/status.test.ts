import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shippedCalendar } from '../calendar/calendar.ts';
import { dueSoonCutoff, obligationStatus, overdueByCutoff, workingDaysOverdue } from './status.ts';

const cal = shippedCalendar();
const open = (due_date: string) => ({ due_date, fulfilled_on: null, notApplicable: false });

describe('obligation status', () => {
  // 2026-02-13 (Fri) is the last working day before 春节 (2/15–2/23 off, Sat 2/14 and Sat 2/28 worked).
  test('due soon counts working days, across the Spring Festival', () => {
    assert.equal(dueSoonCutoff('2026-02-12', cal, 3), '2026-02-24');
    assert.equal(obligationStatus(open('2026-02-24'), '2026-02-12', cal, 3), 'due_soon');
    assert.equal(obligationStatus(open('2026-02-25'), '2026-02-12', cal, 3), 'upcoming');
    assert.equal(obligationStatus(open('2026-02-12'), '2026-02-12', cal, 3), 'due_soon', 'due today');
    assert.equal(obligationStatus(open('2026-02-11'), '2026-02-12', cal, 3), 'overdue');
    assert.equal(obligationStatus(open('2026-03-05'), '2026-03-02', cal, 3), 'due_soon');
    assert.equal(obligationStatus(open('2026-03-06'), '2026-03-02', cal, 3), 'upcoming');
    assert.equal(obligationStatus(open('2026-03-02'), '2026-03-02', cal, 0), 'due_soon');
    assert.equal(obligationStatus(open('2026-03-03'), '2026-03-02', cal, 0), 'upcoming');
  });

  test('fulfilment and not applicable', () => {
    const f = (on: string) => ({ due_date: '2026-03-05', fulfilled_on: on, notApplicable: false });
    assert.equal(obligationStatus(f('2026-03-05'), '2026-04-01', cal, 3), 'fulfilled');
    assert.equal(obligationStatus(f('2026-03-06'), '2026-04-01', cal, 3), 'fulfilled_late');
    assert.equal(
      obligationStatus({ ...f('2026-03-01'), notApplicable: true }, '2026-04-01', cal, 3),
      'fulfilled',
    );
    assert.equal(
      obligationStatus({ ...open('2026-03-01'), notApplicable: true }, '2026-04-01', cal, 3),
      'not_applicable',
    );
  });

  test('overdue by working days and the escalation cutoff agree', () => {
    // 2026-02-13 Fri … 2026-02-24 Tue: (2/13, 2/24] holds 2/14 (make-up Sat) and 2/24.
    assert.equal(workingDaysOverdue('2026-02-13', '2026-02-24', cal), 2);
    assert.equal(overdueByCutoff('2026-02-24', cal, 2), '2026-02-14');
    assert.equal(overdueByCutoff('2026-03-02', cal, 0), '2026-03-02');
    for (const today of ['2026-02-24', '2026-03-02', '2026-10-09', '2026-05-06'])
      for (const k of [1, 2, 3, 5])
        for (let d = 1; d < 25; d++) {
          const due = new Date(Date.parse(`${today}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10);
          const byCount = workingDaysOverdue(due, today, cal) >= k;
          assert.equal(due < overdueByCutoff(today, cal, k), byCount, `${today} k=${k} due=${due}`);
        }
  });
});
