import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import { CHAR_DIFF_LIMIT, type DiffSegment, diffStats, diffText, renderDiff } from './diff.ts';

function sides(segments: DiffSegment[]): [string, string] {
  const a = segments
    .filter((s) => s.op !== 'ins')
    .map((s) => s.text)
    .join('');
  const b = segments
    .filter((s) => s.op !== 'del')
    .map((s) => s.text)
    .join('');
  return [a, b];
}

function wellFormed(segments: DiffSegment[]): void {
  for (let i = 1; i < segments.length; i++) {
    assert.notEqual(segments[i].op, segments[i - 1].op, 'neighbours merged');
    assert.ok(!(segments[i - 1].op === 'ins' && segments[i].op === 'del'), 'deletions come first');
  }
  assert.ok(segments.every((s) => s.text.length > 0));
}

test('Chinese text diffs by character', () => {
  const segs = diffText('本月收入五万元，支出一万元。', '本月收入五万二千元，支出一万元。');
  assert.deepEqual(segs, [
    { op: 'eq', text: '本月收入五万' },
    { op: 'ins', text: '二千' },
    { op: 'eq', text: '元，支出一万元。' },
  ]);
  assert.deepEqual(diffText('张三、李四', '张三、王五'), [
    { op: 'eq', text: '张三、' },
    { op: 'del', text: '李四' },
    { op: 'ins', text: '王五' },
  ]);
});

test('identical, empty and one-sided texts', () => {
  assert.deepEqual(diffText('', ''), []);
  assert.deepEqual(diffText('相同', '相同'), [{ op: 'eq', text: '相同' }]);
  assert.deepEqual(diffText('', '新'), [{ op: 'ins', text: '新' }]);
  assert.deepEqual(diffText('旧', ''), [{ op: 'del', text: '旧' }]);
});

test('astral characters are never split', () => {
  const segs = diffText('𠀀𠀁', '𠀀𠀂');
  assert.deepEqual(segs, [
    { op: 'eq', text: '𠀀' },
    { op: 'del', text: '𠀁' },
    { op: 'ins', text: '𠀂' },
  ]);
});

test('random edits always reconstruct both sides', () => {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const alphabet = [...'村务公开财政收支的，。\n12ab'];
  for (let round = 0; round < 300; round++) {
    const a = Array.from({ length: rnd(60) }, () => alphabet[rnd(alphabet.length)]).join('');
    const chars = [...a];
    for (let e = rnd(8); e > 0; e--) {
      const at = rnd(chars.length + 1);
      if (rnd(2)) chars.splice(at, 1);
      else chars.splice(at, 0, alphabet[rnd(alphabet.length)]);
    }
    const b = chars.join('');
    const segs = diffText(a, b);
    assert.deepEqual(sides(segs), [a, b], JSON.stringify({ a, b }));
    wellFormed(segs);
  }
});

test('tiny equalities inside a rewrite are folded into it', () => {
  const segs = diffText('甲乙丙丁的戊己庚辛', '子丑寅卯的辰巳午未');
  assert.deepEqual(segs, [
    { op: 'del', text: '甲乙丙丁的戊己庚辛' },
    { op: 'ins', text: '子丑寅卯的辰巳午未' },
  ]);
});

test('long texts fall back to a line diff, refined by character inside changed lines', () => {
  const lines = Array.from({ length: 1500 }, (_, i) => `第${i}条：村务公开事项内容说明。`);
  const a = lines.join('\n');
  const changed = [...lines];
  changed[700] = '第700条：村务公开事项内容更正说明。';
  const b = changed.join('\n');
  assert.ok(a.length > CHAR_DIFF_LIMIT);
  const started = performance.now();
  const segs = diffText(a, b);
  assert.ok(performance.now() - started < 2000);
  assert.deepEqual(sides(segs), [a, b]);
  assert.deepEqual(
    segs.filter((s) => s.op !== 'eq'),
    [{ op: 'ins', text: '更正' }],
  );
});

test('too many edits for the character budget still give a correct (line) diff', () => {
  const a = 'a\nb\nc\nd';
  const b = 'a\nX\nc\nY';
  const segs = diffText(a, b, { maxEdits: 1 });
  assert.deepEqual(sides(segs), [a, b]);
  assert.deepEqual(diffStats(segs), { inserted: 2, deleted: 2 });
  const unrelated = diffText('x'.repeat(30_000), 'y'.repeat(30_000));
  assert.deepEqual(diffStats(unrelated), { inserted: 30_000, deleted: 30_000 });
});

test('renderDiff marks changes with ins/del and hidden labels', () => {
  const html = render(renderDiff(diffText('收入<五>万元', '收入<六>万元')));
  assert.equal(
    html,
    '<div class="diff" style="white-space: pre-wrap">收入&lt;' +
      '<del><span class="visually-hidden">[删除开始]</span>五<span class="visually-hidden">[删除结束]</span></del>' +
      '<ins><span class="visually-hidden">[新增开始]</span>六<span class="visually-hidden">[新增结束]</span></ins>' +
      '>万元</div>',
  );
});
