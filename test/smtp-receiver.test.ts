import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import { type SmtpReceiver, startSmtpReceiver } from './helpers/smtp.ts';

/** The receiver's decoding is what email tests trust: check it on both encodings nodemailer picks. */
let smtp: SmtpReceiver;
before(async () => {
  smtp = await startSmtpReceiver();
});
after(() => smtp.close());

test('decodes folded encoded-word subjects, quoted-printable, base64 and multipart bodies, and auth', async () => {
  const transport = nodemailer.createTransport({ url: smtp.url.replace('smtp://', 'smtp://clerk:pa%20ss@') });
  const subject = '【逾期提醒】村务公开：2026年2月财务收支明细需要在截止日前完成公开并上传附件';
  const mostlyAscii = 'Deadline 2026-03-09 截止 — please publish. '.repeat(4).trim();
  await transport.sendMail({ from: 'a@example.cn', to: '张三 <z@example.cn>', subject, text: mostlyAscii });
  await transport.sendMail({
    from: 'a@example.cn',
    to: 'z@example.cn',
    subject: 'x',
    text: '中文正文'.repeat(30),
    html: '<p>中文</p>',
  });
  transport.close();
  const [a, b] = await smtp.waitFor(2);
  assert.match(a.raw, /Content-Transfer-Encoding: quoted-printable/);
  assert.equal(a.subject, subject);
  assert.equal(a.to, '张三 <z@example.cn>');
  assert.deepEqual(a.rcptTo, ['z@example.cn']);
  assert.equal(a.text, mostlyAscii);
  assert.equal(a.user, 'clerk');
  assert.match(b.raw, /multipart\/alternative/);
  assert.equal(b.text, '中文正文'.repeat(30));
});
