import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assembleBoard } from './assemble-board.ts';
import type { ColumnFact, EntryFact } from './board-facts.ts';

/** 僵尸栏目: a column is stale after the board's window, or after a whole period plus a month if longer. */
test('stale columns take the period into account: a yearly column published in January is not stale in June', () => {
  const entry = (period: string): EntryFact => ({
    domain: 'finance',
    item: `${period} item`,
    sort: 0,
    timing: 'periodic',
    period,
    live: true,
  });
  const entries = new Map<string, EntryFact>([
    ['monthly', entry('monthly')],
    ['yearly', entry('yearly')],
    ['yearly-old', entry('yearly')],
  ]);
  const fact = (entryId: string, lastItem: string): ColumnFact => ({
    unitId: 'u1',
    entryId,
    cls: 'on_time',
    n: 1,
    firstDue: '2025-01-20',
    lastItem,
  });
  const board = assembleBoard({
    units: [{ id: 'u1', name: '一村' } as never],
    facts: [fact('monthly', '2026-01-20'), fact('yearly', '2026-01-20'), fact('yearly-old', '2025-01-20')],
    entries,
    claims: new Set(),
    staleCutoff: '2026-03-08', // today 2026-06-06, 90 days
    staleDays: 90,
  });
  assert.deepEqual(
    board.stale.map((s) => s.entryId).sort(),
    ['monthly', 'yearly-old'],
    'the monthly column is quiet since January; the yearly one only since January 2025',
  );
});
