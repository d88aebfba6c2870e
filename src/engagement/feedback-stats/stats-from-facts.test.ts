import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePerson } from '../../../test/helpers/factories.ts';
import type { Client } from '../../../test/helpers/server.ts';
import {
  ackKeys,
  type FeedbackWorld,
  feedbackWorld,
  idOf,
  message,
  moveClock,
  writeTo,
} from '../feedback/feedback-fixture.ts';

/**
 * The statistics follow what happened (replies, 暂不能办理 answers, every rating), not the current
 * status: every message here goes through the real feedback operations over HTTP.
 * Clock of the fixture: Monday 2026-03-02; first deadline 2026-03-09 (5 working days).
 */
let x: FeedbackWorld;
let pubTA: Client;
let pubTB: Client;
before(async () => {
  x = await feedbackWorld();
  const staff = async (unitId: string) => {
    const p = await makePerson(x.w, unitId, [{ role: 'publisher', unitId }]);
    const c = x.t.client();
    await c.signIn(p.username);
    return c;
  };
  pubTA = await staff(x.units.town.id);
  pubTB = await staff(x.units.townB.id);
});
after(() => x.t.close());

let ipSeq = 0;
async function write(unitCode: string) {
  ipSeq += 1;
  const res = await writeTo(x.t.client(), unitCode, message(), `10.9.0.${ipSeq}`);
  assert.equal(res.statusCode, 201, res.body.slice(0, 400));
  const keys = ackKeys(res.body);
  return { ...keys, id: await idOf(x, keys.code) };
}
async function step(c: Client, id: string, name: string, body: unknown = {}) {
  const r = await c.api('POST', `/api/v1/feedback/${id}/${name}`, body);
  assert.equal(r.statusCode, 200, `${name}: ${r.body.slice(0, 300)}`);
}
const office = () => x.people.office.c;
async function rate(m: { code: string; secret: string }, rating: string) {
  const r = await x.t
    .client()
    .api('POST', '/api/v1/feedback/rate', { code: m.code, secret: m.secret, rating });
  assert.equal(r.statusCode, 200, r.body.slice(0, 300));
}
const status = async (id: string) =>
  (await x.t.db.db.selectFrom('feedback').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;
async function stats(code: string) {
  const r = await x.t
    .client()
    .api('GET', `/api/v1/units/${code}/feedback-stats?period=month&year=2026&month=3`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json().figures;
}
const counts = (f: Record<string, number>) => [
  f.received,
  f.replied,
  f.inProgress,
  f.cannotHandle,
  f.closedUnanswered,
];

describe('feedback statistics from the facts', () => {
  test('暂不能办理 rated 满意 (status closed) still counts as cannot handle, not as replied', async () => {
    const m = await write('VA');
    await step(office(), m.id, 'route');
    await step(x.people.pubA.c, m.id, 'cannot-handle', { reason: '该路段属县交通局管养，已转告县交通局。' });
    await rate(m, 'satisfied');
    assert.equal(await status(m.id), 'closed');
    const f = await stats('VA');
    assert.deepEqual(counts(f), [1, 0, 0, 1, 0]);
    assert.equal(f.onTimeRate, 100);
    assert.equal(f.avgDays, 0);
    assert.deepEqual([f.rated, f.satisfactionRate], [1, 100]);
  });

  test('不满意 → reopen → 满意: both ratings count, reopening erases nothing', async () => {
    const m = await write('TB');
    await step(office(), m.id, 'route');
    await step(pubTB, m.id, 'reply', { body: '已安排维修。' });
    await rate(m, 'dissatisfied');
    let f = await stats('TB');
    assert.deepEqual([f.rated, f.satisfactionRate], [1, 0]);
    await step(office(), m.id, 'reopen', { note: '请再次核实' });
    // the rating column is cleared by the reopening; the statistics keep the 不满意
    f = await stats('TB');
    assert.deepEqual([f.rated, f.satisfactionRate], [1, 0]);
    assert.deepEqual(counts(f), [1, 1, 0, 0, 0]);
    await step(pubTB, m.id, 'reply', { body: '已修好，并当面说明。' });
    await rate(m, 'satisfied');
    f = await stats('TB');
    assert.deepEqual([f.rated, f.satisfactionRate], [2, 50]);
    assert.deepEqual(counts(f), [1, 1, 0, 0, 0]);
    // on time by the first answer (the first round's deadline)
    assert.equal(f.onTimeRate, 100);
  });

  test('暂不能办理, then a real reply after reopening: counted by the latest answer (replied)', async () => {
    const m = await write('TA');
    await step(office(), m.id, 'route');
    await step(pubTA, m.id, 'cannot-handle', { reason: '需县里统一安排。' });
    assert.deepEqual(counts(await stats('TA')), [1, 0, 0, 1, 0]);
    await rate(m, 'dissatisfied');
    await step(office(), m.id, 'reopen');
    // reopened and not yet answered again: still counted by its latest answer
    assert.deepEqual(counts(await stats('TA')), [1, 0, 0, 1, 0]);
    await step(pubTA, m.id, 'reply', { body: '已协调解决。' });
    const f = await stats('TA');
    assert.deepEqual(counts(f), [1, 1, 0, 0, 0]);
    assert.deepEqual([f.rated, f.satisfactionRate], [1, 0]);
  });

  test('closed without an answer: its own figure, not replied, never late; an open overdue one is late', async () => {
    const routed = await write('VB');
    await step(office(), routed.id, 'route');
    await step(office(), routed.id, 'close', { note: '重复反映，已并案' });
    const untriaged = await write('VB');
    await step(office(), untriaged.id, 'close');
    const open = await write('VB');
    await step(office(), open.id, 'route');
    let f = await stats('VB');
    assert.deepEqual(counts(f), [3, 0, 1, 0, 2]);
    assert.equal(f.onTimeRate, null); // no deadline has passed yet
    // after the first deadline (2026-03-09): the closed ones stay out, the open one is late
    await moveClock(x, new Date('2026-03-12T02:00:00Z'));
    f = await stats('VB');
    assert.deepEqual(counts(f), [3, 0, 1, 0, 2]);
    assert.equal(f.onTimeRate, 0);
    assert.equal(f.avgDays, null);
    // the back office export shows the figure in its own column
    const csv = await office().get('/admin/feedback/stats.csv?period=month&year=2026&month=3');
    assert.equal(csv.statusCode, 200);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0].split(',')[5], '未答复即办结');
    assert.deepEqual(
      lines
        .find((l) => l.startsWith('李村,'))
        ?.split(',')
        .slice(1, 6),
      ['3', '0', '1', '0', '2'],
    );
    await moveClock(x, new Date('2026-03-02T02:00:00Z'));
  });
});
