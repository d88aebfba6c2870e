import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ackKeys,
  type FeedbackWorld,
  feedbackWorld,
  idOf,
  message,
  writeTo,
} from './feedback/feedback-fixture.ts';

let x: FeedbackWorld;
before(async () => {
  x = await feedbackWorld();
});
after(() => x.t.close());

const todos = async (who: keyof FeedbackWorld['people']) => {
  const page = await x.people[who].c.get('/admin');
  assert.equal(page.statusCode, 200);
  const m = /<section id="engagement-todos">([\s\S]*?)<\/section>/.exec(page.body);
  return m ? m[1].replace(/<[^>]*>/g, ' ') : '';
};

test('the dashboard lists each person’s engagement to-dos through the features’ own scopes', async () => {
  const res = await writeTo(x.t.client(), 'VA', message(), '10.7.0.1');
  const id = await idOf(x, ackKeys(res.body).code);
  await writeTo(
    x.t.client(),
    'VA',
    message({ kind: 'report', subject: '举报某事', body: '举报村干部优亲厚友。' }),
    '10.7.0.2',
  );
  assert.match(await todos('office'), /待分办的留言 1 条/);
  assert.doesNotMatch(await todos('office'), /待答复/, 'the office does not count the 举报');
  assert.match(await todos('inspector'), /待答复的留言 1 条/, 'the inspector has the 举报 to answer');
  assert.doesNotMatch(await todos('pubA'), /留言 \d/, 'nothing for the village before routing');
  await x.people.office.c.api('POST', `/api/v1/feedback/${id}/route`, {});
  assert.match(await todos('pubA'), /待答复的留言 1 条/);
  assert.doesNotMatch(await todos('pubB'), /留言 \d/);
});
