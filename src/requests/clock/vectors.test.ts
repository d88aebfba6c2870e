import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedCalendar } from '../../calendar/calendar.ts';
import { deadlineVectors } from './vectors-fixture.ts';

const cal = shippedCalendar();
const vectors = deadlineVectors(cal);

test('deadline-vectors.json: every vector is recognised', () => {
  // A1…C2 and D1/D2 today; a vector of an unknown shape makes deadlineVectors throw instead.
  assert.ok(vectors.length >= 16, `only ${vectors.length} vectors`);
});

for (const v of vectors) {
  test(`vector ${v.id} (${v.rule}) through the engine → ${v.line}`, () => {
    assert.deepEqual(v.engine(cal), v.expected);
  });
}
