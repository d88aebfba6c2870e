import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactUrlSecrets } from './app.ts';

test('request logs keep secrets out: s=, secret= and token= values are redacted', () => {
  assert.equal(
    redactUrlSecrets('/feedback/track?c=FK2026ABC&s=8f3kq9x2&x=1'),
    '/feedback/track?c=FK2026ABC&s=[redacted]&x=1',
  );
  assert.equal(redactUrlSecrets('/a?secret=abc#top'), '/a?secret=[redacted]#top');
  assert.equal(redactUrlSecrets('/a?TOKEN=abc'), '/a?TOKEN=[redacted]');
  assert.equal(redactUrlSecrets('/units/s=1/echo?sort=new'), '/units/s=1/echo?sort=new');
});
