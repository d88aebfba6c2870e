import { recordAudit } from '../audit/record-audit.ts';
import { authorize } from '../auth/policy.ts';
import { isValidDate } from '../calendar/dates.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { findObligationByKey, type ObligationWithUnit } from './find-obligation.ts';

export interface FulfilFromDisclosureInput {
  unitId: string;
  entryId: string;
  periodKey: string;
  disclosureId: string;
  /** The day the disclosure was published ('YYYY-MM-DD', China time). */
  publishedOn: string;
}

/**
 * Called by the disclosure workflow when a disclosure against an entry and period is published:
 * the obligation becomes fulfilled ('disclosure'), late when published after the due date. Joins
 * the caller's transaction. A manual record is upgraded (the disclosure is the better evidence;
 * the earlier date stands); a second disclosure for the same obligation changes nothing.
 */
export async function fulfilFromDisclosure(
  ctx: OpContext,
  input: FulfilFromDisclosureInput,
): Promise<ObligationWithUnit> {
  if (!isValidDate(input.publishedOn))
    throw new AppError('validation.failed', {
      status: 422,
      fields: [{ field: 'publishedOn', code: 'validation.format' }],
    });
  return inTransaction(ctx, async (tx) => {
    const o = await findObligationByKey(tx.db, tx.actor.tenantId, input);
    if (!o) throw new AppError('obligation.not_found');
    authorize(tx.actor, 'obligation.record', o.unit, 'obligation.not_found');
    if (o.fulfilment_kind === 'disclosure') return o;
    const at = tx.now.toISOString();
    const fulfilledOn =
      o.fulfilled_on && o.fulfilled_on < input.publishedOn ? o.fulfilled_on : input.publishedOn;
    const change = {
      fulfilled_on: fulfilledOn,
      fulfilled_at: o.fulfilled_at ?? at,
      fulfilment_kind: 'disclosure' as const,
      fulfilled_by: o.fulfilled_by ?? tx.actor.personId,
      disclosure_id: input.disclosureId,
      superseded_at: null,
      updated_at: at,
    };
    await tx.db
      .updateTable('obligations')
      .set(change)
      .where('tenant_id', '=', tx.actor.tenantId)
      .where('id', '=', o.id)
      .execute();
    await recordAudit(tx, {
      action: 'obligation.fulfil_disclosure',
      targetType: 'obligation',
      targetId: o.id,
      unitId: o.unit_id,
      summary: `公开义务由公开事项履行：${o.unit.name} ${o.period_key}，${fulfilledOn}`,
      before: { fulfilled_on: o.fulfilled_on, fulfilment_kind: o.fulfilment_kind },
      after: change,
    });
    return { ...o, ...change };
  });
}
