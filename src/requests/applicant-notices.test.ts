import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testConfig } from '../../test/helpers/server.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../test/helpers/smtp.ts';
import { runDueJobs } from '../jobs/run-due-jobs.ts';
import { registerNotifyJobs } from '../notify/register-jobs.ts';
import { applicant, type RequestWorld, registerVia, requestWorld } from './request-fixture.ts';

registerNotifyJobs();

let smtp: SmtpReceiver;
let x: RequestWorld;
const PUBLIC_URL = 'https://gk.example.gov.cn';
before(async () => {
  smtp = await startSmtpReceiver();
  x = await requestWorld({ config: { smtpUrl: smtp.url, publicUrl: PUBLIC_URL } });
});
after(async () => {
  await x.t.close();
  await smtp.close();
});

const deps = () => ({ db: x.t.db.db, config: testConfig({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL }) });

test('the applicant is emailed when a step concerns them: a nudge to the tracking page, no details', async () => {
  const c = x.people.pubA.c;
  const a = applicant(x.units.deptA.id, {
    email: 'wang.applicant@example.cn',
    description: '请公开某某机密内容',
  });
  const id = await registerVia(c, { ...a, channel: 'in_person', receivedOn: '2026-03-02' });
  const code = (
    await x.t.db.db
      .selectFrom('requests')
      .select('tracking_code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).tracking_code;
  const step = await c.post(`/admin/requests/${id}/supplement-notice`, {
    form: { items: '请补充所需文件的文号', periodDays: '5', on: '2026-03-02' },
  });
  assert.equal(step.statusCode, 303, step.body.slice(0, 300));
  // an applicant without an address gets nothing; nor does an internal step
  const silent = await registerVia(c, {
    ...applicant(x.units.deptA.id, { email: '' }),
    receivedOn: '2026-03-02',
  });
  assert.ok(silent);

  const r = await runDueJobs(deps(), x.t.clock.now());
  assert.equal(r.failed + r.retrying, 0);
  const mails = await smtp.waitFor(2);
  assert.equal(mails.length, 2, 'registration and the 补正 notice, each once');
  for (const m of mails) {
    assert.deepEqual(m.rcptTo, ['wang.applicant@example.cn']);
    assert.ok(m.subject.includes(code), m.subject);
    assert.ok(m.text.includes(`${PUBLIC_URL}/requests/track`), m.text);
    assert.ok(!m.text.includes('机密内容'), 'the content asked is not in the email');
    assert.ok(!m.text.includes('王小明'), 'nor the name');
  }
  assert.ok(mails.some((m) => m.text.includes('登记申请')));
  assert.ok(mails.some((m) => m.text.includes('发出补正告知')));
  // running the jobs again sends nothing new
  await runDueJobs(deps(), x.t.clock.now());
  assert.equal(smtp.messages.length, 2);
});
