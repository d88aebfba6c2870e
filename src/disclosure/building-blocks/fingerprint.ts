/**
 * Tamper-evident record (防篡改记录): each published version of a disclosure gets a SHA-256 digest
 * over a canonical JSON form of its content, metadata, attachment digests and the digest of the
 * previous published version in the same unit, so the versions of a unit form a hash chain. Any
 * silent edit of a published row changes its digest; re-computing that digest breaks the link
 * from the next version. Pure functions: the caller stores and looks up digests.
 */
import { createHash } from 'node:crypto';

/**
 * Canonical JSON (in the spirit of RFC 8785): object keys sorted by UTF-16 code units, no
 * insignificant whitespace, strings and keys NFC-normalised (a title typed with decomposed
 * characters digests the same), numbers as JSON.stringify writes them, Dates as ISO strings,
 * undefined object members omitted. Throws TypeError for what has no JSON form (NaN, Infinity,
 * bigint, functions, undefined in arrays) and for keys that collide after normalisation.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((v) => {
        if (v === undefined) throw new TypeError('canonicalJson: undefined in array');
        return canonicalJson(v);
      })
      .join(',')}]`;
  }
  const entries = new Map<string, unknown>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const key = k.normalize('NFC');
    if (entries.has(key)) throw new TypeError(`canonicalJson: duplicate key after NFC: ${key}`);
    entries.set(key, v);
  }
  const keys = [...entries.keys()].sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(entries.get(k))}`).join(',')}}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The digest of an attachment's bytes, as stored in VersionContent.attachments[].sha256. */
export function fileSha256(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

export interface AttachmentDigest {
  name: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
  size: number;
}

/** What a published version's digest covers. Extra fields (channels, displayUntil, …) are covered too. */
export interface VersionContent {
  unitId: string;
  entryId: string | null;
  periodKey: string | null;
  title: string;
  /** The sanitised body exactly as stored. */
  bodyHtml: string;
  /** ISO 8601 instant exactly as stored (store the string, or a value that round-trips to it). */
  publishedAt: string | Date;
  version: number;
  audience: string;
  /** In display order (the order is part of what was published). */
  attachments: AttachmentDigest[];
  /** Digest of the previous published version in the same unit; null for the unit's first. */
  previousDigest: string | null;
  [extra: string]: unknown;
}

/** Domain separation and a format version: a future change of the canonical form changes this tag. */
const DOMAIN = 'gongkai/disclosure-version/v1\n';

export function versionDigest(content: VersionContent): string {
  const publishedAt =
    content.publishedAt instanceof Date ? content.publishedAt.toISOString() : content.publishedAt;
  const attachments = content.attachments.map((a) => ({
    name: a.name,
    sha256: a.sha256.toLowerCase(),
    size: a.size,
  }));
  return sha256Hex(DOMAIN + canonicalJson({ ...content, publishedAt, attachments }));
}

/**
 * The short fingerprint shown on the item page and the printed sheet: the first 12 hex digits
 * (48 bits) in three groups of four, lower case: "3f9a-1c2b-77d0". Hex rather than base32 because
 * it is unambiguous when read aloud or typed from paper (no I/l/1, O/0 confusion), and 48 bits
 * make an accidental collision among a county's published versions practically impossible;
 * /verify still lists every match of a prefix.
 */
export function shortFingerprint(digest: string): string {
  const hex = digest.toLowerCase().slice(0, 12);
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

export interface ParsedFingerprint {
  /** 'short': the 12-digit prefix; 'full': a whole 64-digit digest. */
  kind: 'short' | 'full';
  hex: string;
}

/**
 * Accepts what people type or paste: with or without dashes or spaces, any case, full-width
 * characters (３Ｆ９Ａ－…), a whole digest. Returns null for anything else.
 */
export function parseFingerprint(input: string): ParsedFingerprint | null {
  const hex = input
    .normalize('NFKC')
    .replace(/[\s\-‐‑‒–—―_]/g, '')
    .toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) return null;
  if (hex.length === 12) return { kind: 'short', hex };
  if (hex.length === 64) return { kind: 'full', hex };
  return null;
}

/** Does a stored digest match a parsed fingerprint? */
export function fingerprintMatches(digest: string, fp: ParsedFingerprint): boolean {
  return fp.kind === 'full' ? digest.toLowerCase() === fp.hex : digest.toLowerCase().startsWith(fp.hex);
}

export interface StoredVersion extends VersionContent {
  /** The digest stored when the version was published. */
  digest: string;
}

export type ChainCheck =
  | { ok: true }
  | { ok: false; firstBroken: number; reason: 'digest_mismatch' | 'link_mismatch' };

/**
 * Verifies a unit's published versions in publication order. A version is broken when its
 * content no longer hashes to its stored digest (edited after publication) or when it does not
 * point at the previous version's stored digest (a version removed, inserted or re-hashed).
 * `previousOfFirst` is what the first version must point at: null for a whole chain, or the
 * known digest before a slice.
 */
export function verifyChain(
  versions: readonly StoredVersion[],
  opts: { previousOfFirst?: string | null } = {},
): ChainCheck {
  let expectedPrevious = opts.previousOfFirst?.toLowerCase() ?? null;
  for (let i = 0; i < versions.length; i++) {
    const { digest, ...content } = versions[i];
    if ((content.previousDigest?.toLowerCase() ?? null) !== expectedPrevious) {
      return { ok: false, firstBroken: i, reason: 'link_mismatch' };
    }
    if (versionDigest(content as VersionContent) !== digest.toLowerCase()) {
      return { ok: false, firstBroken: i, reason: 'digest_mismatch' };
    }
    expectedPrevious = digest.toLowerCase();
  }
  return { ok: true };
}
