import type { UploadedFile } from '../disclosure/attachments.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { SupplementInput } from './schemas.ts';
import { type InfoRequest, loadForStep, stepDate } from './store.ts';
import { applySupplement } from './supplement.ts';

/** Staff record a supplement that came by post or in person (its receipt day restarts the clock). */
export async function receiveSupplement(
  ctx: OpContext,
  id: string,
  raw: unknown,
  file: UploadedFile | null = null,
  limitBytes?: number,
): Promise<InfoRequest> {
  const input = parse(SupplementInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['supplement_pending']);
    const on = stepDate(tx, input.on, r.supplement_notice_on);
    return applySupplement(tx, r, { text: input.text, on }, file, limitBytes);
  });
}
