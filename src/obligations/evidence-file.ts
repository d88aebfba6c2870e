import { createHash } from 'node:crypto';
import type { OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';

/** Default cap when the caller passes none (the server passes its upload limit). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface UploadedFile {
  name: string;
  content: Buffer;
}

/** JPG and PNG only, recognised by their first bytes (the declared type and the name are not trusted). */
export function imageMime(content: Buffer): 'image/jpeg' | 'image/png' | null {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (content.length >= 8 && png.every((b, i) => content[i] === b)) return 'image/png';
  return null;
}

/** Checks and stores an evidence image in `files` (base64), in the caller's transaction; returns its id. */
export async function storeEvidenceImage(
  tx: OpContext,
  file: UploadedFile,
  maxBytes: number,
): Promise<string> {
  if (file.content.length === 0 || file.content.length > maxBytes)
    throw new AppError('obligation.evidence_too_large', {
      status: 422,
      params: { limit: Math.floor(maxBytes / 1024 / 1024) },
    });
  const mime = imageMime(file.content);
  if (!mime) throw new AppError('obligation.evidence_type', { status: 422 });
  const id = newId(tx.now.getTime());
  await tx.db
    .insertInto('files')
    .values({
      tenant_id: tx.actor.tenantId,
      id,
      name: (file.name || 'evidence').slice(0, 200),
      mime,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content_b64: file.content.toString('base64'),
      created_by: tx.actor.personId,
      created_at: tx.now.toISOString(),
    })
    .execute();
  return id;
}
