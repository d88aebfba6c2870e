import { createHash } from 'node:crypto';
import { checkUpload } from '../documents/sniff.ts';
import type { OpContext } from '../lib/context.ts';
import { newId } from '../lib/ids.ts';
import type { AttachmentRef } from './store.ts';

export interface UploadedFile {
  name: string;
  content: Buffer;
}

/** Checks an upload by its content (PDF, DOCX, XLSX, JPG, PNG; size limit) and stores it in `files`. */
export async function storeAttachment(
  tx: OpContext,
  file: UploadedFile,
  limitBytes: number,
): Promise<AttachmentRef> {
  const checked = await checkUpload(file.content, file.name, limitBytes);
  return storeBytes(tx, checked.name.slice(0, 200), checked.mime, checked.type, file.content);
}

export async function storeBytes(
  tx: OpContext,
  name: string,
  mime: string,
  type: AttachmentRef['type'],
  content: Buffer,
): Promise<AttachmentRef> {
  const fileId = newId(tx.now.getTime());
  const sha256 = createHash('sha256').update(content).digest('hex');
  await tx.db
    .insertInto('files')
    .values({
      tenant_id: tx.actor.tenantId,
      id: fileId,
      name,
      mime,
      size: content.length,
      sha256,
      content_b64: content.toString('base64'),
      created_by: tx.actor.personId,
      created_at: tx.now.toISOString(),
    })
    .execute();
  return { fileId, name, sha256, size: content.length, type };
}
