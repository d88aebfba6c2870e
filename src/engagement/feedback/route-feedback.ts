import { can } from '../../auth/policy.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { isId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { notifyAssigned } from './recipients.ts';
import { RouteInput } from './schemas.ts';
import {
  chinaDate,
  dueFrom,
  type Feedback,
  loadForStep,
  officePerm,
  recordFeedbackStep,
  updateFeedback,
} from './store.ts';

/**
 * 分办: the office (covering both units) makes a unit responsible — by default the addressed one.
 * The reply clock starts on the routing day: due = that day + the region's reply days (working
 * days, the region's calendar). first_due_on (for the statistics) is the deadline of the unit
 * that gives the first answer: re-routing before it restarts the clock at the new unit.
 */
export async function routeFeedback(ctx: OpContext, id: string, raw: unknown): Promise<Feedback> {
  const input = parse(RouteInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { f } = await loadForStep(tx, id, officePerm, ['received', 'assigned', 'in_progress']);
    // a 举报 stays with the inspectors of the unit it is about: routing it elsewhere would change
    // who may see it (the page offers no routing for it either)
    if (f.kind === 'report')
      throw new AppError('feedback.wrong_state', { status: 409, params: { state: f.status } });
    const targetId = input.unitId || f.addressed_unit_id;
    const target = isId(targetId)
      ? await tx.db
          .selectFrom('units')
          .selectAll()
          .where('tenant_id', '=', tx.actor.tenantId)
          .where('id', '=', targetId)
          .where('status', '=', 'active')
          .executeTakeFirst()
      : undefined;
    if (!target || !can(tx.actor, officePerm(f), target))
      throw new AppError('validation.failed', {
        fields: [{ field: 'unitId', code: 'feedback.unit_unknown' }],
      });
    const today = chinaDate(tx.now);
    const { due, days } = await dueFrom(tx.db, tx.actor.tenantId, today);
    const before = { status: f.status, unitId: f.unit_id, dueOn: f.due_on };
    const next = await updateFeedback(tx, f, {
      unit_id: target.id,
      status: 'assigned',
      assigned_at: tx.now.toISOString(),
      due_from: today,
      reply_days: days,
      due_on: due,
      // before the first answer the new unit is judged by its own deadline, not the first unit's
      first_due_on: f.reopened_count === 0 && !f.first_replied_on ? due : (f.first_due_on ?? due),
    });
    await recordFeedbackStep(tx, next, {
      kind: 'routed',
      summary: `分办至${target.name}`,
      unitId: target.id,
      detail: { toUnit: target.name, dueOn: due, note: input.note?.trim() || null },
      before,
    });
    await notifyAssigned(tx, next, target);
    return next;
  });
}
