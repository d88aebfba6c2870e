import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDb } from '../../../test/helpers/db.ts';
import { seedDemo } from '../../demo/seed-demo.ts';

test('the demo has a finalized survey of the villages of 桃源镇 and an open one', async () => {
  const h = await freshDb();
  try {
    const { tenantId } = await seedDemo(h.db, new Date('2026-03-02T02:00:00Z'), { history: true });
    const surveys = await h.db
      .selectFrom('surveys')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('opens_on')
      .execute();
    assert.deepEqual(
      surveys.map((s) => s.status),
      ['finalized', 'open'],
    );
    const results = await h.db
      .selectFrom('survey_results')
      .selectAll()
      .where('survey_id', '=', surveys[0].id)
      .execute();
    assert.ok(results.length >= 5);
    // 5 demo people and 12 devices rated every unit
    assert.ok(results.every((r) => Number(r.raters) === 17));
    const anon = await h.db
      .selectFrom('survey_ratings')
      .select('rater_key')
      .where('survey_id', '=', surveys[0].id)
      .where('rater_key', 'like', 'd:%')
      .execute();
    assert.ok(anon.length > 0);
  } finally {
    await h.cleanup();
  }
});
