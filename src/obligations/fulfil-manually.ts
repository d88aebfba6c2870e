import { Type } from 'typebox';
import { recordAudit } from '../audit/record-audit.ts';
import { authorize } from '../auth/policy.ts';
import { isValidDate } from '../calendar/dates.ts';
import { beijingDate } from '../jobs/schedule-daily.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { DEFAULT_MAX_BYTES, storeEvidenceImage, type UploadedFile } from './evidence-file.ts';
import { findObligation, type ObligationWithUnit } from './find-obligation.ts';

export const FulfilInput = Type.Object({
  fulfilledOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  note: Type.String({ minLength: 1, maxLength: 1000 }),
});

/**
 * An office records that an obligation was met outside the platform (a meeting, the bulletin
 * board), with evidence: the date, a note and optionally a photo (JPG/PNG). Marked 'manual';
 * late when the date is after the due date. A disclosure can still fulfil it later (it upgrades
 * the record, see fulfil-from-disclosure).
 */
export async function fulfilManually(
  ctx: OpContext,
  obligationId: string,
  raw: unknown,
  opts: { file?: UploadedFile | null; maxBytes?: number } = {},
): Promise<ObligationWithUnit> {
  const input = parse(FulfilInput, raw);
  const bad = (code: string) =>
    new AppError('validation.failed', { status: 422, fields: [{ field: 'fulfilledOn', code }] });
  if (!isValidDate(input.fulfilledOn)) throw bad('validation.format');
  if (input.fulfilledOn > beijingDate(ctx.now)) throw bad('obligation.date_in_future');
  if (!input.note.trim())
    throw new AppError('validation.failed', {
      status: 422,
      fields: [{ field: 'note', code: 'validation.required' }],
    });
  return inTransaction(ctx, async (tx) => {
    const o = await findObligation(tx.db, tx.actor.tenantId, obligationId);
    if (!o) throw new AppError('obligation.not_found');
    authorize(tx.actor, 'obligation.fulfil_manual', o.unit, 'obligation.not_found');
    if (o.fulfilled_on) throw new AppError('obligation.already_fulfilled', { status: 409 });
    if (o.superseded_at) throw new AppError('obligation.superseded', { status: 409 });
    if (input.fulfilledOn < o.period_start) throw bad('obligation.fulfilled_before_start');
    const fileId = opts.file
      ? await storeEvidenceImage(tx, opts.file, opts.maxBytes ?? DEFAULT_MAX_BYTES)
      : null;
    const at = tx.now.toISOString();
    const change = {
      fulfilled_on: input.fulfilledOn,
      fulfilled_at: at,
      fulfilment_kind: 'manual' as const,
      fulfilled_by: tx.actor.personId,
      evidence_note: input.note.trim(),
      evidence_file_id: fileId,
      updated_at: at,
    };
    await tx.db
      .updateTable('obligations')
      .set(change)
      .where('tenant_id', '=', tx.actor.tenantId)
      .where('id', '=', o.id)
      .execute();
    const late = input.fulfilledOn > o.due_date;
    await recordAudit(tx, {
      action: 'obligation.fulfil_manual',
      targetType: 'obligation',
      targetId: o.id,
      unitId: o.unit_id,
      summary: `人工登记公开义务已履行（${late ? '逾期后公开' : '按时公开'}）：${o.unit.name} ${o.period_key}，${input.fulfilledOn}`,
      before: { fulfilled_on: null },
      after: change,
    });
    return { ...o, ...change };
  });
}
