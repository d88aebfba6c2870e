import type { DbOrTx, DisclosureVersionsTable } from '../db/types.ts';
import type { OpContext } from '../lib/context.ts';
import { newId } from '../lib/ids.ts';
import {
  type StoredVersion,
  shortFingerprint,
  type VersionContent,
  verifyChain,
  versionDigest,
} from './building-blocks/fingerprint.ts';
import { htmlToText } from './building-blocks/sanitize.ts';
import { type AttachmentRef, attachmentsOf, type Disclosure } from './store.ts';

export type DisclosureVersion = DisclosureVersionsTable;

/** What a version's digest covers: its content, metadata, attachment digests and the previous link. */
export function versionContent(v: DisclosureVersion): VersionContent {
  return {
    unitId: v.unit_id,
    entryId: v.entry_id,
    periodKey: v.period_key,
    title: v.title,
    bodyHtml: v.body_html,
    publishedAt: v.published_at,
    version: v.version,
    audience: v.audience,
    attachments: attachmentsOf(v.attachments).map((a) => ({ name: a.name, sha256: a.sha256, size: a.size })),
    previousDigest: v.previous_digest,
    disclosureId: v.disclosure_id,
    changeNote: v.change_note,
  };
}

/** A unit's published versions in chain order (ids are time-ordered UUIDv7, made at insert). */
export function unitChain(db: DbOrTx, tenantId: string, unitId: string): Promise<DisclosureVersion[]> {
  return db
    .selectFrom('disclosure_versions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .orderBy('id')
    .execute();
}

/**
 * Appends a published version to the unit's chain. The unit row is touched first so that two
 * publications in one unit serialise (a row lock on PostgreSQL; SQLite has one writer) and the
 * chain never forks.
 */
export async function appendVersion(
  tx: OpContext,
  d: Disclosure,
  content: { title: string; bodyHtml: string; attachments: AttachmentRef[]; changeNote: string | null },
): Promise<DisclosureVersion> {
  await tx.db
    .updateTable('units')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('tenant_id', '=', d.tenant_id)
    .where('id', '=', d.unit_id)
    .execute();
  const last = await tx.db
    .selectFrom('disclosure_versions')
    .select('digest')
    .where('tenant_id', '=', d.tenant_id)
    .where('unit_id', '=', d.unit_id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prev = await tx.db
    .selectFrom('disclosure_versions')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('tenant_id', '=', d.tenant_id)
    .where('disclosure_id', '=', d.id)
    .executeTakeFirst();
  const row: DisclosureVersion = {
    tenant_id: d.tenant_id,
    id: newId(tx.now.getTime()),
    disclosure_id: d.id,
    unit_id: d.unit_id,
    entry_id: d.entry_id,
    period_key: d.period_key,
    version: Number(prev?.n ?? 0) + 1,
    title: content.title,
    body_html: content.bodyHtml,
    body_text: htmlToText(content.bodyHtml),
    change_note: content.changeNote,
    audience: d.audience,
    attachments: JSON.stringify(content.attachments),
    published_at: tx.now.toISOString(),
    published_by: tx.actor.personId,
    digest: '',
    previous_digest: last?.digest ?? null,
    fingerprint: '',
  };
  row.digest = versionDigest(versionContent(row));
  row.fingerprint = shortFingerprint(row.digest);
  await tx.db.insertInto('disclosure_versions').values(row).execute();
  return row;
}

export interface VerifyResult {
  ok: boolean;
  lines: string[];
  code: number;
}

/**
 * The core of `gongkai verify-chain [--unit CODE]`: checks every link of every unit's chain (or one
 * unit's) and names the first broken version of each broken chain. code 0 = intact, 1 = broken,
 * 2 = unknown unit.
 */
export async function runVerifyChain(handle: { db: DbOrTx }, unitCode?: string): Promise<VerifyResult> {
  const { db } = handle;
  let q = db
    .selectFrom('units as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select(['u.tenant_id', 'u.id', 'u.code', 'u.name', 't.code as tenant_code'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('disclosure_versions as v')
          .select('v.id')
          .whereRef('v.tenant_id', '=', 'u.tenant_id')
          .whereRef('v.unit_id', '=', 'u.id'),
      ),
    );
  if (unitCode) {
    const known = await db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirst();
    if (!known) return { ok: false, lines: [`未找到单位 ${unitCode} (unknown unit)`], code: 2 };
    q = q.where('u.code', '=', unitCode);
  }
  const units = await q.orderBy('t.code').orderBy('u.code').execute();
  const lines: string[] = [];
  let ok = true;
  let count = 0;
  for (const u of units) {
    const versions = await unitChain(db, u.tenant_id, u.id);
    count += versions.length;
    const stored: StoredVersion[] = versions.map((v) => ({ ...versionContent(v), digest: v.digest }));
    const check = verifyChain(stored);
    if (check.ok) {
      lines.push(`OK   ${u.tenant_code}/${u.code} ${u.name}: ${versions.length} 个版本`);
      continue;
    }
    ok = false;
    const v = versions[check.firstBroken];
    const what =
      check.reason === 'digest_mismatch' ? '内容与摘要不符 (content edited)' : '链接断开 (link broken)';
    lines.push(
      `FAIL ${u.tenant_code}/${u.code} ${u.name}: 第一个断点 version ${v.id} (公开事项 ${v.disclosure_id} 第 ${v.version} 版, 指纹 ${v.fingerprint}) — ${what}`,
    );
  }
  lines.push(ok ? `链完整：${units.length} 个单位，${count} 个版本。` : '链校验失败。');
  return { ok, lines, code: ok ? 0 : 1 };
}
