import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { replyDocumentKind } from './documents/reply-documents.ts';
import { issueStepDocument } from './documents-bridge.ts';
import type { OutcomeKey } from './outcomes.ts';
import { replyFields } from './reply-request.ts';
import { PrecheckInput } from './schemas.ts';
import { type InfoRequest, loadForStep, recordStep, updateRequest } from './store.ts';

/**
 * 程序性把关 by the supervising office: pass → the reply may go out; return (with a note) → back to
 * processing. The time it takes counts against the deadline (no pause).
 */
export async function precheckReply(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(PrecheckInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.office', ['precheck']);
    if (input.decision === 'return') {
      if (!input.note?.trim())
        throw new AppError('validation.failed', { fields: [{ field: 'note', code: 'validation.required' }] });
      const next = await updateRequest(tx, r, {
        state: 'processing',
        precheck: 'returned',
        reply_kind: null,
        reply_text: null,
        reply_ground: null,
        replied_on: null,
        replied_by: null,
        outcome_key: null,
      });
      await recordStep(tx, next, {
        action: 'precheck_return',
        summary: '程序性把关退回',
        reason: input.note,
        public: false,
      });
      return next;
    }
    const next = await updateRequest(tx, r, { state: 'replied', precheck: 'passed' });
    const doc = await issueStepDocument(
      tx,
      next,
      replyDocumentKind(r.outcome_key as OutcomeKey),
      replyFields(next),
    );
    await recordStep(tx, next, {
      action: 'precheck_pass',
      summary: '程序性把关通过',
      reason: input.note ?? null,
      detail: { ...doc },
      public: false,
    });
    return next;
  });
}
