/**
 * Privacy guard (隐私保护): finds personal data in text before anything is published — resident
 * ID numbers (18-digit with checksum, 15-digit legacy), mainland mobile numbers, bank card numbers
 * (Luhn) and configurable patterns — and masks them. Pure functions: no I/O, unit-tested.
 * Disclosures, feedback, consultations and exports all call this one module.
 */

export type FindingKind = 'id_card' | 'mobile' | 'bank_card' | 'custom';

export interface Finding {
  kind: FindingKind;
  /** For custom patterns: the pattern's name. */
  label?: string;
  start: number;
  end: number;
  value: string;
  masked: string;
  /** A few characters either side, with the value itself masked, for showing "in context". */
  context: string;
}

export interface CustomPattern {
  name: string;
  /** A JavaScript regular expression source (flags g and u are added). */
  pattern: string;
  /** Characters kept visible at the start and end when masking (default 1 and 1). */
  keepStart?: number;
  keepEnd?: number;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** GB 11643: 6-digit region (first digit 1–9), birth date, sequence, ISO 7064 MOD 11-2 check character. */
export function isValidId18(s: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(s)) return false;
  if (!validDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === s[17].toUpperCase();
}

/** Legacy 15-digit numbers: region, YYMMDD (19YY), 3-digit sequence; no check digit. */
export function isValidId15(s: string): boolean {
  if (!/^[1-9]\d{14}$/.test(s)) return false;
  return validDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48;
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Masks all but keepStart/keepEnd significant characters; separators (spaces, dashes) stay as typed. */
function maskKeep(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  const significant = chars.filter((c) => !/[\s-]/.test(c)).length;
  let seen = 0;
  return chars
    .map((c) => {
      if (/[\s-]/.test(c)) return c;
      seen += 1;
      return seen <= keepStart || seen > significant - keepEnd ? c : '*';
    })
    .join('');
}

/** ID: first 4 and last 4 kept (3607**********123X); mobile: 3+4 (138****5678); bank card: last 4. */
export function maskValue(kind: FindingKind, value: string): string {
  switch (kind) {
    case 'id_card':
      return maskKeep(value, 4, 4);
    case 'mobile': {
      const digits = value.replace(/\D/g, '');
      const local = digits.length > 11 ? digits.slice(-11) : digits;
      return `${local.slice(0, 3)}****${local.slice(7)}`;
    }
    case 'bank_card':
      return maskKeep(value, 0, 4);
    default:
      return maskKeep(value, 1, 1);
  }
}

// Digit runs (with the separators people type in card and phone numbers), never part of a longer run.
const DIGIT_RUN = /(?<![\dA-Za-z])(?:\+?86[ -]?)?\d[\d -]{6,26}[\dXx](?![\dA-Za-z])/g;

function classify(raw: string): { kind: FindingKind; value: string; offset: number }[] {
  const compact = raw.replace(/[ -]/g, '');
  const out: { kind: FindingKind; value: string; offset: number }[] = [];
  if (/^\d{17}[\dXx]$/.test(compact) && isValidId18(compact) && !/[ -]/.test(raw))
    return [{ kind: 'id_card', value: raw, offset: 0 }];
  if (/^\d{15}$/.test(compact) && isValidId15(compact) && !/[ -]/.test(raw))
    return [{ kind: 'id_card', value: raw, offset: 0 }];
  const mobile = compact.replace(/^\+?86/, '');
  if (/^1[3-9]\d{9}$/.test(mobile) && /^(\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}$/.test(raw))
    return [{ kind: 'mobile', value: raw, offset: 0 }];
  if (/^\d{16,19}$/.test(compact) && luhnValid(compact))
    return [{ kind: 'bank_card', value: raw, offset: 0 }];
  return out;
}

function contextOf(text: string, start: number, end: number, masked: string): string {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  return `${start > 12 ? '…' : ''}${before}${masked}${after}${end + 12 < text.length ? '…' : ''}`.replace(
    /\s+/g,
    ' ',
  );
}

export function scanText(text: string, custom: readonly CustomPattern[] = []): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const raw = m[0];
    for (const c of classify(raw)) {
      const start = (m.index ?? 0) + c.offset;
      const end = start + c.value.length;
      const masked = maskValue(c.kind, c.value);
      findings.push({
        kind: c.kind,
        start,
        end,
        value: c.value,
        masked,
        context: contextOf(text, start, end, masked),
      });
    }
  }
  for (const p of custom) {
    let re: RegExp;
    try {
      re = new RegExp(p.pattern, 'gu');
    } catch {
      continue; // validated when the pattern is saved; a bad one never blocks scanning
    }
    for (const m of text.matchAll(re)) {
      if (!m[0]) continue;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (findings.some((f) => start < f.end && end > f.start)) continue;
      const masked = maskKeep(m[0], p.keepStart ?? 1, p.keepEnd ?? 1);
      findings.push({
        kind: 'custom',
        label: p.name,
        start,
        end,
        value: m[0],
        masked,
        context: contextOf(text, start, end, masked),
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** Replaces every finding with its masked form (findings must come from scanText on this text). */
export function maskText(text: string, findings: readonly Finding[]): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.masked;
    at = f.end;
  }
  return out + text.slice(at);
}

/** Scan and mask in one step. */
export function maskPersonalData(
  text: string,
  custom: readonly CustomPattern[] = [],
): { text: string; findings: Finding[] } {
  const findings = scanText(text, custom);
  return { text: maskText(text, findings), findings };
}

/**
 * Masking for HTML: only the text between tags is scanned and masked, so no pattern (an office's
 * custom one included) can touch markup — attribute values, tag names, entities' surroundings.
 * A value split by a tag is not found, as a person reading the page would not read it whole either.
 */
export function maskPersonalDataInHtml(
  html: string,
  custom: readonly CustomPattern[] = [],
): { text: string; findings: Finding[] } {
  const findings: Finding[] = [];
  const text = html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) return part;
      const masked = maskPersonalData(part, custom);
      findings.push(...masked.findings);
      return masked.text;
    })
    .join('');
  return { text, findings };
}

/**
 * Masks values known to be personal because the writer gave them (their name, phone, email) wherever
 * they recur in the text, keeping the first character: "我是张三" with the name 张三 → "我是张*".
 * Values shorter than two characters are left alone (they would mask ordinary words).
 */
export function maskKnownValues(text: string, values: readonly (string | null | undefined)[]): string {
  const known = values
    .map((v) => v?.trim() ?? '')
    .filter((v) => [...v].length >= 2)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of known) out = out.split(v).join(maskKeep(v, 1, 0));
  return out;
}

/** Checks a custom pattern before it is saved: compiles, and does not match the empty string. */
export function validateCustomPattern(p: CustomPattern): string | null {
  try {
    const re = new RegExp(p.pattern, 'u');
    if (re.test('')) return 'matches the empty string';
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}
