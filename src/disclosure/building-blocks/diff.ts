/**
 * Text diff for version history (版本对比), character by character so Chinese text (which has no
 * spaces between words) diffs usefully. Myers' O(ND) algorithm on code points after trimming the
 * common prefix and suffix; when a text is longer than CHAR_DIFF_LIMIT or the edit distance
 * exceeds the budget it falls back to a line diff, refining small changed line blocks by
 * character. No dependency.
 */

export type DiffOp = 'eq' | 'ins' | 'del';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/** Texts longer than this (in code points) are diffed by line. */
export const CHAR_DIFF_LIMIT = 20_000;
/** Default budget of edits for the character diff before it falls back to lines. */
const MAX_CHAR_EDITS = 2_000;
const MAX_LINE_EDITS = 10_000;
/** Changed line blocks up to this size are refined character by character. */
const REFINE_LIMIT = 4_000;

type Step = { op: DiffOp; token: string };

/** Myers' shortest edit script; null when it needs more than maxD edits. */
function myers(a: readonly string[], b: readonly string[], maxD: number): Step[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, maxD); d++) {
    // Snapshot of the furthest x on diagonals -d..d before this round, for backtracking.
    trace.push(v.slice(off - d, off + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[], dEnd: number): Step[] {
  const steps: Step[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const snap = trace[d];
    const at = (k: number) => snap[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      steps.push({ op: 'eq', token: a[x] });
    }
    if (x === prevX) steps.push({ op: 'ins', token: b[prevY] });
    else steps.push({ op: 'del', token: a[prevX] });
    x = prevX;
    y = prevY;
  }
  while (x > 0) steps.push({ op: 'eq', token: a[--x] });
  return steps.reverse();
}

function push(out: DiffSegment[], op: DiffOp, text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** Merges neighbours and puts deletions before insertions inside each changed block. */
export function normalize(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    push(out, 'del', del);
    push(out, 'ins', ins);
    del = '';
    ins = '';
  };
  for (const s of segments) {
    if (s.op === 'del') del += s.text;
    else if (s.op === 'ins') ins += s.text;
    else {
      flush();
      push(out, 'eq', s.text);
    }
  }
  flush();
  return out;
}

/**
 * Tiny equalities between large changes ("的", "，") make a diff unreadable: fold an equality of
 * one or two characters into its neighbouring changes when they are much larger.
 */
function absorbTinyEqualities(segments: DiffSegment[]): DiffSegment[] {
  let segs = segments;
  for (let changed = true; changed; ) {
    changed = false;
    const out: DiffSegment[] = [];
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      if (s.op === 'eq' && i > 0 && i < segs.length - 1 && [...s.text].length <= 2) {
        const around = (j: number, step: number) => {
          let len = 0;
          for (; j >= 0 && j < segs.length && segs[j].op !== 'eq'; j += step) len += segs[j].text.length;
          return len;
        };
        if (Math.min(around(i - 1, -1), around(i + 1, 1)) >= 4 * s.text.length) {
          out.push({ op: 'del', text: s.text }, { op: 'ins', text: s.text });
          changed = true;
          continue;
        }
      }
      out.push(s);
    }
    segs = normalize(out);
  }
  return segs;
}

function stepsToSegments(steps: Step[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const s of steps) push(out, s.op, s.token);
  return out;
}

function splitLines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function lineDiff(a: string, b: string): DiffSegment[] {
  const steps = myers(splitLines(a), splitLines(b), MAX_LINE_EDITS);
  if (!steps)
    return normalize([
      { op: 'del', text: a },
      { op: 'ins', text: b },
    ]);
  const blocks = normalize(stepsToSegments(steps));
  const out: DiffSegment[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const s = blocks[i];
    const next = blocks[i + 1];
    if (s.op === 'del' && next?.op === 'ins' && s.text.length + next.text.length <= REFINE_LIMIT) {
      const steps2 = myers([...s.text], [...next.text], MAX_CHAR_EDITS);
      out.push(...(steps2 ? absorbTinyEqualities(normalize(stepsToSegments(steps2))) : [s, next]));
      i++;
    } else out.push(s);
  }
  return normalize(out);
}

/** The edit from a to b as segments; joining eq+del gives a, joining eq+ins gives b. */
export function diffText(a: string, b: string, opts: { maxEdits?: number } = {}): DiffSegment[] {
  if (a === b) return a ? [{ op: 'eq', text: a }] : [];
  const ca = [...a];
  const cb = [...b];
  let pre = 0;
  while (pre < ca.length && pre < cb.length && ca[pre] === cb[pre]) pre++;
  let suf = 0;
  while (
    suf < ca.length - pre &&
    suf < cb.length - pre &&
    ca[ca.length - 1 - suf] === cb[cb.length - 1 - suf]
  )
    suf++;
  const midA = ca.slice(pre, ca.length - suf);
  const midB = cb.slice(pre, cb.length - suf);
  let middle: DiffSegment[] | null = null;
  if (ca.length <= CHAR_DIFF_LIMIT && cb.length <= CHAR_DIFF_LIMIT) {
    const steps = myers(midA, midB, opts.maxEdits ?? MAX_CHAR_EDITS);
    if (steps) middle = absorbTinyEqualities(normalize(stepsToSegments(steps)));
  }
  middle ??= lineDiff(midA.join(''), midB.join(''));
  return normalize([
    { op: 'eq', text: ca.slice(0, pre).join('') },
    ...middle,
    { op: 'eq', text: ca.slice(ca.length - suf).join('') },
  ]);
}

/** Characters (code points) inserted and deleted, for a one-line summary ("新增 12 字，删除 3 字"). */
export function diffStats(segments: readonly DiffSegment[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const s of segments) {
    if (s.op === 'ins') inserted += [...s.text].length;
    if (s.op === 'del') deleted += [...s.text].length;
  }
  return { inserted, deleted };
}

export { renderDiff } from './diff-view.tsx';
