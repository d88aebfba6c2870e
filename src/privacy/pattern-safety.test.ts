import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPatternSafety, hasNestedQuantifier } from './pattern-safety.ts';
import { scanText } from './privacy-guard.ts';

test('nested quantifiers are found; plain repetition is not', () => {
  for (const p of ['(a+)+', '(a*)*b', '((ab)+)+', '(\\d{2,})+', '(?:x|y+)*'])
    assert.equal(hasNestedQuantifier(p), true, p);
  for (const p of ['粤B[0-9A-Z]{5}', '(ab)+', '(\\d{3})-(\\d{4})', '[(+]+x', '\\(a+\\)+', '(a+)?'])
    assert.equal(hasNestedQuantifier(p), false, p);
});

test('a pattern is saved only when short, valid, not catastrophic and finding its example', () => {
  assert.equal(checkPatternSafety('粤B[0-9A-Z]{5}', '车辆粤B12345'), null);
  assert.equal(checkPatternSafety('a'.repeat(201), 'a'), 'privacy_pattern.too_long');
  assert.equal(checkPatternSafety('([a-', 'a'), 'privacy_pattern.invalid');
  assert.equal(checkPatternSafety('x?', 'x'), 'privacy_pattern.empty_match');
  assert.equal(checkPatternSafety('(a)\\1', 'aa'), 'privacy_pattern.backreference');
  assert.equal(checkPatternSafety('^(a+)+$', 'aaa'), 'privacy_pattern.nested_quantifier');
  assert.equal(checkPatternSafety('(a|a)*b', 'aab'), 'privacy_pattern.slow');
  assert.equal(checkPatternSafety('粤B[0-9]{5}', '京A12345'), 'privacy_pattern.example_no_match');
});

test('the guard applies a saved pattern and names it', () => {
  const [f] = scanText('车牌粤BX7K21已登记', [{ name: '车牌号', pattern: '粤B[0-9A-Z]{5}' }]);
  assert.equal(f.kind, 'custom');
  assert.equal(f.label, '车牌号');
  assert.equal(f.masked, '粤*****1');
});
