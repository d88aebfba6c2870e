import type { DbOrTx } from '../db/types.ts';
import { scanAttachment } from '../documents/mask-attachments.ts';
import { AppError } from '../lib/errors.ts';
import { customPatterns } from '../privacy/pattern-store.ts';
import { type FindingKind, scanText } from '../privacy/privacy-guard.ts';
import { htmlToText } from './building-blocks/sanitize.ts';
import { type AttachmentRef, attachmentsOf, type Disclosure } from './store.ts';

/** One finding of the privacy guard, located for the person fixing it. */
export interface LocatedFinding {
  /** 'title' | 'body' | 'attachment' */
  part: 'title' | 'body' | 'attachment';
  fileId?: string;
  fileName?: string;
  where?: string;
  kind: FindingKind;
  /** For a custom pattern: its name. */
  label?: string;
  masked: string;
  context: string;
  /** For attachments: DOCX/XLSX can be masked in one action; PDFs need a masked upload. */
  canMask: boolean;
}

export async function fileBytes(db: DbOrTx, tenantId: string, fileId: string): Promise<Buffer> {
  const f = await db
    .selectFrom('files')
    .select('content_b64')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!f) throw new AppError('file.not_found');
  return Buffer.from(f.content_b64, 'base64');
}

/** Scans title, body text and every attachment's text (privacy guard, before submit and publish). */
export async function scanContent(
  db: DbOrTx,
  tenantId: string,
  content: { title: string; bodyHtml: string; attachments: AttachmentRef[] },
): Promise<LocatedFinding[]> {
  const out: LocatedFinding[] = [];
  // The office's extra patterns (src/privacy/pattern-store.ts) apply to every part.
  const custom = await customPatterns(db, tenantId);
  const label = (f: { label?: string }) => (f.label ? { label: f.label } : {});
  for (const f of scanText(content.title, custom))
    out.push({
      part: 'title',
      kind: f.kind,
      ...label(f),
      masked: f.masked,
      context: f.context,
      canMask: true,
    });
  for (const f of scanText(htmlToText(content.bodyHtml), custom))
    out.push({
      part: 'body',
      kind: f.kind,
      ...label(f),
      masked: f.masked,
      context: f.context,
      canMask: true,
    });
  for (const a of content.attachments) {
    if (a.type === 'jpg' || a.type === 'png') continue;
    const scan = await scanAttachment(await fileBytes(db, tenantId, a.fileId), a.type, custom);
    for (const f of scan.findings)
      out.push({
        part: 'attachment',
        fileId: a.fileId,
        fileName: a.name,
        where: f.where,
        kind: f.kind,
        ...label(f),
        masked: f.masked,
        context: f.context,
        canMask: scan.canMask,
      });
  }
  return out;
}

export function scanDisclosure(db: DbOrTx, d: Disclosure): Promise<LocatedFinding[]> {
  return scanContent(db, d.tenant_id, {
    title: d.title,
    bodyHtml: d.body_html,
    attachments: attachmentsOf(d.attachments),
  });
}

/** What the trail keeps of findings a privacy override let through: where and what kind, never the value. */
export function findingKinds(findings: LocatedFinding[]): { part: string; kind: string; label?: string }[] {
  return findings.map((f) => ({ part: f.part, kind: f.kind, ...(f.label ? { label: f.label } : {}) }));
}

/** Findings block the step unless a reason to override them is given (or was given before). */
export function requireClearOrOverride(findings: LocatedFinding[], overrideReason?: string | null): void {
  if (findings.length > 0 && !overrideReason)
    throw new AppError('disclosure.privacy_findings', { status: 422, params: { count: findings.length } });
}
