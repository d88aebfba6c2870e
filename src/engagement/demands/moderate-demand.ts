import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parse } from '../../lib/validate.ts';
import { ModerateDemandInput } from './schemas.ts';
import { type Demand, demandToHandle } from './store.ts';

/**
 * Moderation of a demand held for sensitive words, by those who answer the unit's demands
 * (demand.answer): release → open (public, masked), reject → rejected (never public; a note is
 * required so the decision can be explained later).
 */
export async function moderateDemand(ctx: OpContext, demandId: string, raw: unknown): Promise<Demand> {
  const input = parse(ModerateDemandInput, raw);
  if (input.decision === 'reject' && !input.note)
    throw new AppError('validation.failed', {
      status: 422,
      fields: [{ field: 'note', code: 'demand.reject_note_required' }],
    });
  return inTransaction(ctx, async (tx) => {
    const { demand, unit } = await demandToHandle(tx.db, tx.actor, demandId);
    if (demand.status !== 'held') throw new AppError('demand.not_held', { status: 409 });
    const status = input.decision === 'release' ? 'open' : 'rejected';
    const now = tx.now.toISOString();
    const changes = {
      status,
      moderated_by: tx.actor.personId,
      moderated_at: now,
      moderation_note: input.note ?? null,
      updated_at: now,
    } as const;
    await tx.db
      .updateTable('demands')
      .set(changes)
      .where('tenant_id', '=', demand.tenant_id)
      .where('id', '=', demand.id)
      .where('status', '=', 'held')
      .execute();
    await recordAudit(tx, {
      action: `demand.${input.decision}`,
      targetType: 'demand',
      targetId: demand.id,
      unitId: unit.id,
      summary: `${status === 'open' ? '审核通过点单' : '驳回点单'}：${demand.title}`,
      before: { status: demand.status },
      after: { status, note: input.note ?? null },
    });
    return { ...demand, ...changes };
  });
}
