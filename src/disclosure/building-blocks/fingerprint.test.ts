import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canonicalJson,
  fileSha256,
  fingerprintMatches,
  parseFingerprint,
  type StoredVersion,
  shortFingerprint,
  type VersionContent,
  verifyChain,
  versionDigest,
} from './fingerprint.ts';

test('canonicalJson: sorted keys, no whitespace, NFC strings, JSON numbers', () => {
  assert.equal(
    canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1.5, y: -0 }, u: undefined }),
    '{"a":[true,null,"x"],"b":1,"c":{"y":0,"z":1.5}}',
  );
  // "é" composed vs decomposed digests the same.
  assert.equal(canonicalJson({ t: 'Cafe\u0301' }), canonicalJson({ t: 'Café' }));
  assert.equal(canonicalJson('村务\n"公开"'), '"村务\\n\\"公开\\""');
  assert.equal(canonicalJson(new Date('2026-03-01T08:00:00Z')), '"2026-03-01T08:00:00.000Z"');
  assert.equal(canonicalJson(1e21), '1e+21');
  assert.throws(() => canonicalJson(Number.NaN), TypeError);
  assert.throws(() => canonicalJson([undefined]), TypeError);
  assert.throws(() => canonicalJson(10n), TypeError);
  assert.throws(() => canonicalJson({ 'e\u0301': 1, é: 2 }), TypeError);
});

function chain(n: number): StoredVersion[] {
  const out: StoredVersion[] = [];
  let previousDigest: string | null = null;
  for (let i = 0; i < n; i++) {
    const content: VersionContent = {
      unitId: '0190a000-0000-7000-8000-000000000001',
      entryId: `entry-${i % 2}`,
      periodKey: `2026-0${i + 1}`,
      title: `幸福村2026年${i + 1}月财务收支公开`,
      bodyHtml: `<p>本月收入${i * 100}元</p>`,
      publishedAt: `2026-0${i + 1}-05T02:00:00.000Z`,
      version: 1,
      audience: 'public',
      attachments: [{ name: '收支表.xlsx', sha256: fileSha256(new Uint8Array([i])), size: 1 }],
      previousDigest,
    };
    const digest = versionDigest(content);
    out.push({ ...content, digest });
    previousDigest = digest;
  }
  return out;
}

test('versionDigest is stable, hex, and covers every field', () => {
  const [v] = chain(1);
  const { digest, ...content } = v;
  assert.match(digest, /^[0-9a-f]{64}$/);
  assert.equal(versionDigest({ ...content }), digest);
  // Key order and Date vs ISO string do not matter.
  const reordered = Object.fromEntries(Object.entries(content).reverse()) as VersionContent;
  assert.equal(versionDigest(reordered), digest);
  assert.equal(versionDigest({ ...content, publishedAt: new Date(content.publishedAt) }), digest);
  // Every change does.
  const changes: Partial<VersionContent>[] = [
    { title: `${content.title} ` },
    { bodyHtml: '<p>本月收入1元</p>' },
    { publishedAt: '2026-01-05T02:00:01.000Z' },
    { version: 2 },
    { audience: 'members' },
    { previousDigest: 'a'.repeat(64) },
    { attachments: [{ ...content.attachments[0], size: 2 }] },
    { attachments: [] },
    { channels: ['portal'] },
  ];
  for (const c of changes) assert.notEqual(versionDigest({ ...content, ...c }), digest, JSON.stringify(c));
});

test('an intact chain verifies', () => {
  assert.deepEqual(verifyChain(chain(5)), { ok: true });
  assert.deepEqual(verifyChain([]), { ok: true });
});

test('tampering with a middle version title breaks the chain at that version', () => {
  const versions = chain(5);
  versions[2] = { ...versions[2], title: '幸福村2026年3月财务收支公开（已修改）' };
  assert.deepEqual(verifyChain(versions), { ok: false, firstBroken: 2, reason: 'digest_mismatch' });
});

test('re-hashing a tampered version breaks the link from the next one', () => {
  const versions = chain(5);
  const { digest: _old, ...content } = versions[2];
  const forged = { ...content, bodyHtml: '<p>本月收入0元</p>' };
  versions[2] = { ...forged, digest: versionDigest(forged) };
  assert.deepEqual(verifyChain(versions), { ok: false, firstBroken: 3, reason: 'link_mismatch' });
});

test('a removed version breaks the link; a slice verifies with the digest before it', () => {
  const versions = chain(5);
  assert.deepEqual(verifyChain([...versions.slice(0, 2), ...versions.slice(3)]), {
    ok: false,
    firstBroken: 2,
    reason: 'link_mismatch',
  });
  assert.deepEqual(verifyChain(versions.slice(2)), { ok: false, firstBroken: 0, reason: 'link_mismatch' });
  assert.deepEqual(verifyChain(versions.slice(2), { previousOfFirst: versions[1].digest }), { ok: true });
});

test('short fingerprints: 12 hex digits in groups of four, parsed back leniently', () => {
  const digest = '3F9A1C2B77D0e5f6'.padEnd(64, '0');
  const short = shortFingerprint(digest);
  assert.equal(short, '3f9a-1c2b-77d0');
  for (const typed of [
    '3f9a-1c2b-77d0',
    '3F9A1C2B77D0',
    ' 3f9a 1c2b 77d0 ',
    '３ｆ９ａ－１ｃ２ｂ－７７ｄ０',
    '3f9a—1c2b—77d0',
  ]) {
    assert.deepEqual(parseFingerprint(typed), { kind: 'short', hex: '3f9a1c2b77d0' }, typed);
  }
  const full = parseFingerprint(digest.toUpperCase());
  assert.deepEqual(full, { kind: 'full', hex: digest.toLowerCase() });
  for (const bad of ['', '3f9a-1c2b', '3f9a-1c2b-77dg', 'zzzz-zzzz-zzzz', `${digest}0`]) {
    assert.equal(parseFingerprint(bad), null, bad);
  }
  assert.equal(fingerprintMatches(digest.toLowerCase(), parseFingerprint(short)!), true);
  assert.equal(fingerprintMatches(digest.toLowerCase(), full!), true);
  assert.equal(fingerprintMatches('0'.repeat(64), parseFingerprint(short)!), false);
});

test('fileSha256 is the standard SHA-256', () => {
  assert.equal(
    fileSha256(new TextEncoder().encode('abc')),
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
});
