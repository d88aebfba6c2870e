import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSensitiveWords, normaliseForMatch, parseWordList } from './sensitive-words.ts';

test('sensitive words match through spaces, punctuation and full-width forms', () => {
  const words = ['赌博', 'ABC'];
  assert.deepEqual(findSensitiveWords('村里有人 赌 ·博', words), ['赌博']);
  assert.deepEqual(findSensitiveWords('ＡＢＣ公司', words), ['ABC']);
  assert.deepEqual(findSensitiveWords('修路的事', words), []);
  assert.equal(normaliseForMatch('A b，c！'), 'abc');
});

test('a word list is split on lines, commas and 、, trimmed and de-duplicated', () => {
  assert.deepEqual(parseWordList(' 赌博\n\n诈骗，赌博、 广告 '), ['赌博', '诈骗', '广告']);
});
