import type { UploadedFile } from '../disclosure/attachments.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { attachRequestFile } from './request-files.ts';
import { loadForStep, recordStep } from './store.ts';

/** Attaches a file for the coming reply (a reply attachment, or the disclosed part of Art. 37). */
export async function addRequestFile(
  ctx: OpContext,
  id: string,
  raw: { role?: unknown },
  file: UploadedFile | null,
  limitBytes?: number,
): Promise<{ id: string; name: string }> {
  if (!file)
    throw new AppError('validation.failed', { fields: [{ field: 'file', code: 'validation.required' }] });
  const role = raw.role === 'disclosed_part' ? 'disclosed_part' : 'reply';
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['processing', 'consulting', 'fee_pending']);
    const f = await attachRequestFile(tx, r, file, role, limitBytes ?? 20 * 1024 * 1024);
    await recordStep(tx, r, {
      action: 'attach',
      summary: `添加答复附件“${f.name}”`,
      detail: { role },
      public: false,
    });
    return { id: f.id, name: f.name };
  });
}
