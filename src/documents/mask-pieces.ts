import type { Finding } from '../privacy/privacy-guard.ts';

/**
 * Applies privacy-guard findings, whose offsets refer to pieces.join(''), to the pieces themselves,
 * keeping the piece boundaries (DOCX runs, rich-text runs in an XLSX cell keep their formatting).
 *  - a masked value as long as the original (ID numbers, bank cards, plain mobile numbers, custom
 *    patterns) is written character by character, so every run keeps exactly its own characters;
 *  - a masked value of another length (a mobile number typed as "+86 138 1234 5678") is written
 *    whole into the first writable piece it touches, and removed from the other pieces it spans.
 * Pieces marked not writable (a tab or break between runs) keep their text.
 */
export function maskPieces(
  pieces: readonly string[],
  findings: readonly Finding[],
  writable: readonly boolean[] = pieces.map(() => true),
): string[] {
  const sorted: Finding[] = [];
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (sorted.length === 0 || f.start >= sorted[sorted.length - 1].end) sorted.push(f);
  }
  // Which piece each text offset belongs to.
  const owner: number[] = [];
  const starts: number[] = [];
  pieces.forEach((p, i) => {
    starts.push(owner.length);
    for (let k = 0; k < p.length; k++) owner.push(i);
  });
  const firstWritable = sorted.map((f) => {
    for (let p = f.start; p < f.end; p++) if (writable[owner[p]]) return p;
    return -1;
  });
  const out = pieces.map(() => '');
  let fi = 0;
  for (let p = 0; p < owner.length; p++) {
    while (fi < sorted.length && sorted[fi].end <= p) fi++;
    const f = sorted[fi];
    const i = owner[p];
    const ch = pieces[i][p - starts[i]];
    if (!f || p < f.start || !writable[i]) {
      out[i] += ch;
    } else if (f.masked.length === f.value.length) {
      out[i] += f.masked[p - f.start];
    } else if (p === firstWritable[fi]) {
      out[i] += f.masked;
    }
  }
  return out;
}
