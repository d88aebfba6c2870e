import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { attachmentsOf, type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/** Removes an attachment from a draft (e.g. to replace a PDF with a masked one). The file row stays. */
export async function removeAttachment(ctx: OpContext, id: string, fileId: string): Promise<Disclosure> {
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.draft', ['draft']);
    const list = attachmentsOf(d.attachments);
    const gone = list.find((a) => a.fileId === fileId);
    if (!gone) throw new AppError('file.not_found');
    const next = await updateDisclosure(tx, d, {
      attachments: JSON.stringify(list.filter((a) => a.fileId !== fileId)),
    });
    await recordStep(tx, next, { action: 'detach', summary: `删除附件“${gone.name}”`, before: gone });
    return next;
  });
}
