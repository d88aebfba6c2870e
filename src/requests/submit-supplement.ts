import type { UploadedFile } from '../disclosure/attachments.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { SupplementInput, TrackInput } from './schemas.ts';
import { chinaDate, findRequest, type InfoRequest, lockRequest } from './store.ts';
import { applySupplement } from './supplement.ts';
import { trackRequest } from './track-request.ts';

/** The applicant supplements on the tracking page (code + secret); received today. */
export async function submitSupplement(
  ctx: OpContext,
  raw: unknown,
  file: UploadedFile | null = null,
  limitBytes?: number,
): Promise<InfoRequest> {
  const key = parse(TrackInput, raw);
  const input = parse(SupplementInput, raw);
  const { r } = await trackRequest(ctx, key);
  return inTransaction(ctx, async (tx) => {
    // lock and re-read: the handler may be acting on the request at this very moment
    await lockRequest(tx, r.id);
    const fresh = (await findRequest(tx.db, tx.actor.tenantId, r.id))?.r ?? r;
    return applySupplement(tx, fresh, { text: input.text, on: chinaDate(tx.now) }, file, limitBytes);
  });
}
