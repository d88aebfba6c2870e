import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../server/config.ts';
import { notifyOptions } from './notify.ts';

test('SMTP settings: off by default, validated when set, the password never echoed', () => {
  const off = loadConfig({});
  assert.equal(off.smtpUrl, null);
  assert.equal(off.mailFrom, 'Gongkai <noreply@localhost>');
  assert.equal(notifyOptions(off).mailEnabled, false);

  const on = loadConfig({
    GONGKAI_SMTP_URL: 'smtp://mailer:s3cret@mail.example.gov.cn:587',
    GONGKAI_MAIL_FROM: '青山县公开平台 <noreply@example.gov.cn>',
  });
  assert.equal(on.smtpUrl, 'smtp://mailer:s3cret@mail.example.gov.cn:587');
  assert.equal(on.mailFrom, '青山县公开平台 <noreply@example.gov.cn>');
  assert.equal(notifyOptions(on).mailEnabled, true);

  try {
    loadConfig({ GONGKAI_SMTP_URL: 'http://mailer:s3cret@mail.example.gov.cn', GONGKAI_MAIL_FROM: 'nobody' });
    assert.fail('expected a ConfigError');
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.problems.length, 2);
    assert.match(e.problems[0], /GONGKAI_SMTP_URL/);
    assert.ok(!e.message.includes('s3cret'), 'the password is redacted');
    assert.match(e.problems[1], /GONGKAI_MAIL_FROM/);
  }
});
