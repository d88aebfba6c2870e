import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { storeAttachment, type UploadedFile } from './attachments.ts';
import { type AttachmentRef, attachmentsOf, loadForStep, recordStep, updateDisclosure } from './store.ts';

export const MAX_ATTACHMENTS = 20;

/** Attaches a file to a draft; the type is checked from the content, not the name. */
export async function addAttachment(
  ctx: OpContext,
  id: string,
  file: UploadedFile | null,
  limitBytes: number,
): Promise<AttachmentRef> {
  if (!file)
    throw new AppError('validation.failed', { fields: [{ field: 'file', code: 'validation.required' }] });
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.draft', ['draft']);
    const list = attachmentsOf(d.attachments);
    if (list.length >= MAX_ATTACHMENTS)
      throw new AppError('disclosure.too_many_attachments', {
        status: 422,
        params: { limit: MAX_ATTACHMENTS },
      });
    const ref = await storeAttachment(tx, file, limitBytes);
    const next = await updateDisclosure(tx, d, {
      attachments: JSON.stringify([...list, ref]),
      privacy_override_reason: null,
    });
    await recordStep(tx, next, { action: 'attach', summary: `添加附件“${ref.name}”`, after: ref });
    return ref;
  });
}
