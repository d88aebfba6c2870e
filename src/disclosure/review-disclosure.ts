import type { DbOrTx } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

export const drafterMayReviewKey = (unitId: string) => `disclosure.drafter_may_review:${unitId}`;

/** The unit setting "the drafter may also review" (default: no). */
export async function drafterMayReview(db: DbOrTx, tenantId: string, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value_json')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', drafterMayReviewKey(unitId))
    .executeTakeFirst();
  return row ? JSON.parse(row.value_json) === true : false;
}

/** 审核 (accuracy and confidentiality, 保密审查) by a reviewer of the unit. */
export async function reviewDisclosure(ctx: OpContext, id: string): Promise<Disclosure> {
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.review', ['submitted']);
    const self = tx.actor.personId !== null && tx.actor.personId === d.drafted_by;
    if (self && !(await drafterMayReview(tx.db, d.tenant_id, d.unit_id)))
      throw new AppError('disclosure.self_review', { status: 403 });
    const next = await updateDisclosure(tx, d, {
      state: 'reviewed',
      reviewed_by: tx.actor.personId,
      reviewed_at: tx.now.toISOString(),
    });
    await recordStep(tx, next, { action: 'review', summary: '审核通过（含保密审查）' });
    return next;
  });
}
