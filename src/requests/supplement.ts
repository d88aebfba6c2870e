import type { UploadedFile } from '../disclosure/attachments.ts';
import type { OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { attachRequestFile, DEFAULT_UPLOAD_LIMIT } from './request-files.ts';
import { type InfoRequest, recordStep, updateRequest } from './store.ts';

/**
 * A supplement arrived (from the tracking page or registered by staff): the reply period restarts
 * in full from the day of its receipt (Art. 30). Late supplements are refused: the request was
 * abandoned when the period ran out.
 */
export async function applySupplement(
  tx: OpContext,
  r: InfoRequest,
  input: { text: string; on: string },
  file: UploadedFile | null,
  limitBytes = DEFAULT_UPLOAD_LIMIT,
): Promise<InfoRequest> {
  if (r.state !== 'supplement_pending')
    throw new AppError('request.wrong_state', { status: 409, params: { state: r.state } });
  if (r.supplement_due_on && input.on > r.supplement_due_on)
    throw new AppError('request.supplement_expired', { status: 409, params: { date: r.supplement_due_on } });
  const stored = file ? await attachRequestFile(tx, r, file, 'supplement', limitBytes) : null;
  const next = await updateRequest(tx, r, {
    state: 'processing',
    supplement_received_on: input.on,
    supplement_text: input.text,
  });
  await recordStep(tx, next, {
    action: 'supplement',
    summary: '收到补正材料',
    onDate: input.on,
    detail: { restart: input.on, file: stored?.name ?? null },
  });
  return next;
}
