import vm from 'node:vm';
import { validateCustomPattern } from './privacy-guard.ts';

/**
 * Checks an office-defined privacy pattern before it is saved: a length cap, it compiles (flag u)
 * and finds nothing in the empty string, no back-references and no quantified group that itself
 * contains a quantifier (the `(a+)+` shape behind catastrophic backtracking), and a quick run
 * against adversarial samples inside a VM with a time limit (V8 interrupts a runaway regex there).
 * Last, the pattern must find its example. Returns a problem code, or null when the pattern is safe.
 */
export const MAX_PATTERN_LENGTH = 200;
export const SAFE_RUN_MS = 100;

export type PatternProblem =
  | 'privacy_pattern.too_long'
  | 'privacy_pattern.invalid'
  | 'privacy_pattern.empty_match'
  | 'privacy_pattern.backreference'
  | 'privacy_pattern.nested_quantifier'
  | 'privacy_pattern.slow'
  | 'privacy_pattern.example_no_match';

/** True when some quantified group contains a quantifier of its own ((a+)+, (a|b*)*, (x{2,})+ …). */
export function hasNestedQuantifier(src: string): boolean {
  const stack: boolean[] = [];
  let inClass = false;
  let quantifiedInside = false;
  const isQuant = (i: number) => {
    const c = src[i];
    if (c === '*' || c === '+') return true;
    if (c === '{') return /^\{\d+(,\d*)?\}/.test(src.slice(i));
    return false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      stack.push(quantifiedInside);
      quantifiedInside = false;
    } else if (c === ')') {
      const inner = quantifiedInside;
      quantifiedInside = stack.pop() ?? false;
      if (isQuant(i + 1)) {
        if (inner) return true;
        quantifiedInside = true;
      } else if (inner) quantifiedInside = true;
    } else if (isQuant(i)) quantifiedInside = true;
  }
  return false;
}

function samples(example: string): string[] {
  const chars = [...new Set([...example])].slice(0, 8);
  const out = [example, example.repeat(20), `${example.repeat(50)}\u0000`];
  for (const c of chars) out.push(`${c.repeat(2000)}\u0000`, `${c.repeat(1000)}!${c.repeat(1000)}`);
  out.push(`${'1'.repeat(3000)}x`, `${'a'.repeat(3000)}!`, `${'中'.repeat(2000)}。`, `${'a1 '.repeat(1000)}`);
  return out;
}

/**
 * Whether the pattern scans the samples within SAFE_RUN_MS. The limit is wall time, so a busy
 * machine can stop a harmless run: a pattern is judged slow only when three runs in a row time out
 * (catastrophic backtracking takes far longer every time; a scheduling pause does not repeat).
 */
function runsInTime(pattern: string, texts: string[]): boolean {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      vm.runInNewContext(
        'for (const s of texts) { let n = 0; for (const m of s.matchAll(new RegExp(source, "gu"))) { if (++n > 5000) break; } }',
        { texts, source: pattern },
        { timeout: SAFE_RUN_MS },
      );
      return true;
    } catch {
      // timed out: try again
    }
  }
  return false;
}

export function checkPatternSafety(pattern: string, example: string): PatternProblem | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return 'privacy_pattern.too_long';
  const invalid = validateCustomPattern({ name: 'check', pattern });
  if (invalid)
    return invalid === 'matches the empty string' ? 'privacy_pattern.empty_match' : 'privacy_pattern.invalid';
  if (/\\[1-9]|\\k</.test(pattern)) return 'privacy_pattern.backreference';
  if (hasNestedQuantifier(pattern)) return 'privacy_pattern.nested_quantifier';
  if (!runsInTime(pattern, samples(example))) return 'privacy_pattern.slow';
  if (!new RegExp(pattern, 'u').test(example)) return 'privacy_pattern.example_no_match';
  return null;
}
