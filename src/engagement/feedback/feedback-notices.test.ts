import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testConfig } from '../../../test/helpers/server.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/helpers/smtp.ts';
import { runDueJobs } from '../../jobs/run-due-jobs.ts';
import { registerNotifyJobs } from '../../notify/register-jobs.ts';
import { ackKeys, type FeedbackWorld, feedbackWorld, idOf, message, writeTo } from './feedback-fixture.ts';

registerNotifyJobs();

let smtp: SmtpReceiver;
let x: FeedbackWorld;
const PUBLIC_URL = 'https://gk.example.gov.cn';
before(async () => {
  smtp = await startSmtpReceiver();
  x = await feedbackWorld({ config: { smtpUrl: smtp.url, publicUrl: PUBLIC_URL } });
});
after(async () => {
  await x.t.close();
  await smtp.close();
});

test('a writer who left an email is told of each answer: the code and a link, not the answer', async () => {
  const res = await writeTo(
    x.t.client(),
    'VA',
    message({ email: 'writer@example.cn', body: '村口垃圾点长期无人清运，气味很大。' }),
    '10.9.0.1',
  );
  assert.equal(res.statusCode, 201, res.body.slice(0, 300));
  const { code, secret } = ackKeys(res.body);
  const id = await idOf(x, code);
  assert.equal((await x.people.office.c.api('POST', `/api/v1/feedback/${id}/route`, {})).statusCode, 200);
  const reply = await x.people.pubA.c.api('POST', `/api/v1/feedback/${id}/reply`, {
    body: '已安排保洁员每日清运。',
  });
  assert.equal(reply.statusCode, 200, reply.body);
  const deps = { db: x.t.db.db, config: testConfig({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL }) };
  await runDueJobs(deps, x.t.clock.now());
  const [mail] = await smtp.waitFor(1);
  assert.deepEqual(mail.rcptTo, ['writer@example.cn']);
  assert.ok(mail.subject.includes(code));
  assert.ok(mail.text.includes(`${PUBLIC_URL}/feedback/track?c=${code}`), mail.text);
  for (const secretish of [secret, '保洁员', '垃圾点']) assert.ok(!mail.text.includes(secretish), secretish);

  // rated 不满意, reopened, answered again: a second email for the second round
  const rate = await x.t
    .client()
    .api('POST', '/api/v1/feedback/rate', { code, secret, rating: 'dissatisfied' });
  assert.equal(rate.statusCode, 200, rate.body);
  assert.equal((await x.people.office.c.api('POST', `/api/v1/feedback/${id}/reopen`)).statusCode, 200);
  const cannot = await x.people.pubA.c.api('POST', `/api/v1/feedback/${id}/cannot-handle`, {
    reason: '需镇里统一招标，预计下月落实。',
  });
  assert.equal(cannot.statusCode, 200, cannot.body);
  await runDueJobs(deps, x.t.clock.now());
  await smtp.waitFor(2);
  await runDueJobs(deps, x.t.clock.now());
  assert.equal(smtp.messages.length, 2, 'one email per answer, never repeated');
});
