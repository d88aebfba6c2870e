import type { UploadedFile } from '../disclosure/attachments.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { LEGAL_BASIS, replyDocumentKind } from './documents/reply-documents.ts';
import { issueStepDocument } from './documents-bridge.ts';
import { type OutcomeKey, outcomeOf, REPLY_KINDS, type ReplyKind } from './outcomes.ts';
import { attachRequestFile, filesOf } from './request-files.ts';
import { ReplyInput } from './schemas.ts';
import { precheckEnabled } from './settings.ts';
import { type InfoRequest, loadForStep, recordStep, stepDate, updateRequest } from './store.ts';

/**
 * The outcome (table 三 row) of a reply: the kind's only outcome, or the reason it names. A partial
 * disclosure (Art. 37) always counts as （二）部分公开, and its reason is the ground on which the
 * rest is withheld (one of the 不予公开 reasons) — the letter cites that ground's article.
 */
export function outcomeFor(kind: ReplyKind, reason: string | undefined): OutcomeKey {
  if (kind === 'partial') {
    if (!reason)
      throw new AppError('validation.failed', {
        fields: [{ field: 'reason', code: 'request.reason_required' }],
      });
    if (!(REPLY_KINDS.withheld as readonly string[]).includes(reason))
      throw new AppError('validation.failed', {
        fields: [{ field: 'reason', code: 'request.reason_mismatch' }],
      });
    return 'partial';
  }
  const allowed = REPLY_KINDS[kind] as readonly OutcomeKey[];
  if (allowed.length === 1 && !reason) return allowed[0];
  if (!reason)
    throw new AppError('validation.failed', {
      fields: [{ field: 'reason', code: 'request.reason_required' }],
    });
  if (!allowed.includes(reason as OutcomeKey))
    throw new AppError('validation.failed', {
      fields: [{ field: 'reason', code: 'request.reason_mismatch' }],
    });
  return reason as OutcomeKey;
}

/**
 * 答复 (Art. 36): the kind, and for refusals / cannot provide / not processed the reason that maps
 * to the annual report's row. Partial disclosure (Art. 37) needs the disclosed part attached. With
 * the region's pre-check on, the reply waits for the office (its time counts); otherwise it is
 * ready for delivery.
 */
export async function replyRequest(
  ctx: OpContext,
  id: string,
  raw: unknown,
  file: UploadedFile | null = null,
  limitBytes?: number,
): Promise<InfoRequest> {
  const input = parse(ReplyInput, raw);
  const kind = input.kind as ReplyKind;
  const outcome = outcomeFor(kind, input.reason || undefined);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['processing']);
    const on = stepDate(tx, input.on, r.supplement_received_on ?? r.received_on);
    if (file)
      await attachRequestFile(
        tx,
        r,
        file,
        kind === 'partial' ? 'disclosed_part' : 'reply',
        limitBytes ?? 20 * 1024 * 1024,
      );
    if (kind === 'partial' && !(await filesOf(tx.db, r)).some((f) => f.role === 'disclosed_part'))
      throw new AppError('validation.failed', {
        fields: [{ field: 'file', code: 'request.partial_needs_file' }],
      });
    const precheck = await precheckEnabled(tx.db, r.tenant_id);
    const next = await updateRequest(tx, r, {
      state: precheck ? 'precheck' : 'replied',
      reply_kind: kind,
      reply_text: input.text,
      reply_ground: kind === 'partial' ? (input.reason ?? null) : null,
      replied_on: on,
      replied_by: tx.actor.name,
      outcome_key: outcome,
      precheck: precheck ? 'pending' : null,
    });
    const doc = precheck
      ? {}
      : await issueStepDocument(tx, next, replyDocumentKind(outcome), replyFields(next));
    await recordStep(tx, next, {
      action: 'reply',
      summary: `作出答复（${outcomeOf(outcome)?.label ?? outcome}）`,
      onDate: on,
      detail: { kind, outcome, precheck, ...doc },
    });
    return next;
  });
}

/** The reply letter's fields: the handler's text, and for a partial disclosure the withheld part's ground. */
export function replyFields(r: {
  reply_text: string | null;
  reply_ground: string | null;
}): Record<string, string> {
  const text = r.reply_text ?? '';
  if (!r.reply_ground) return { reason: text };
  const ground = r.reply_ground as OutcomeKey;
  return { reason: `${text}（${outcomeOf(ground)?.label ?? ground}）`, legalBasis: LEGAL_BASIS[ground] };
}
