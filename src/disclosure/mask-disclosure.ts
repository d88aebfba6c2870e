import { maskAttachment } from '../documents/mask-attachments.ts';
import { FILE_TYPES } from '../documents/sniff.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { customPatterns } from '../privacy/pattern-store.ts';
import { maskPersonalData, maskPersonalDataInHtml } from '../privacy/privacy-guard.ts';
import { storeBytes } from './attachments.ts';
import { fileBytes } from './privacy-check.ts';
import {
  type AttachmentRef,
  attachmentsOf,
  type Disclosure,
  loadForStep,
  recordStep,
  updateDisclosure,
} from './store.ts';

/**
 * One action masks personal data in the title and body and replaces each DOCX/XLSX attachment
 * that holds findings with a masked copy (the original stays in `files`, unreferenced). PDFs and
 * images cannot be masked here: the drafter uploads a masked file or overrides with a reason.
 */
export async function maskDisclosure(ctx: OpContext, id: string): Promise<Disclosure> {
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.draft', ['draft']);
    const custom = await customPatterns(tx.db, d.tenant_id);
    const title = maskPersonalData(d.title, custom);
    // The body is HTML: only its text is masked, so no pattern can alter the markup.
    const body = maskPersonalDataInHtml(d.body_html, custom);
    let count = title.findings.length + body.findings.length;
    const attachments: AttachmentRef[] = [];
    for (const a of attachmentsOf(d.attachments)) {
      if (a.type !== 'docx' && a.type !== 'xlsx') {
        attachments.push(a);
        continue;
      }
      const masked = await maskAttachment(await fileBytes(tx.db, d.tenant_id, a.fileId), a.type, custom);
      if (masked.findings.length === 0) {
        attachments.push(a);
        continue;
      }
      count += masked.findings.length;
      attachments.push(
        await storeBytes(tx, a.name, FILE_TYPES[a.type].mime, a.type, Buffer.from(masked.bytes)),
      );
    }
    const next = await updateDisclosure(tx, d, {
      title: title.text,
      body_html: body.text,
      attachments: JSON.stringify(attachments),
    });
    await recordStep(tx, next, { action: 'mask', summary: `遮盖个人信息 ${count} 处` });
    return next;
  });
}
