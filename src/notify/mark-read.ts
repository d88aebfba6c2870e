import { recordAudit } from '../audit/record-audit.ts';
import { ownRecordVisibility } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';

/**
 * Marks one of the actor's notifications read. Audited: a read receipt of a reminder is evidence
 * (was the responsible person told that a disclosure is overdue, and did they see it?), and it is
 * a change a person makes. Marking an already-read notification writes nothing and audits nothing.
 */
export async function markNotificationRead(
  ctx: OpContext,
  id: string,
): Promise<{ changed: boolean; link: string | null }> {
  if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
  return inTransaction(ctx, async (tx) => {
    const n = await tx.db
      .selectFrom('notifications')
      .select(['id', 'kind', 'title', 'link', 'read_at'])
      .where('tenant_id', '=', tx.actor.tenantId)
      .where('id', '=', id)
      .where(ownRecordVisibility(tx.actor))
      .executeTakeFirst();
    if (!n) throw new AppError('notification.not_found');
    if (n.read_at !== null) return { changed: false, link: n.link };
    await tx.db
      .updateTable('notifications')
      .set({ read_at: tx.now.toISOString() })
      .where('tenant_id', '=', tx.actor.tenantId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'notification.read',
      targetType: 'notification',
      targetId: id,
      unitId: await unitOf(tx),
      summary: `已读通知：${n.title}`,
      after: { kind: n.kind },
    });
    return { changed: true, link: n.link };
  });
}

/** Marks all of the actor's unread notifications read: one audit entry with the count. */
export async function markAllNotificationsRead(ctx: OpContext): Promise<{ count: number }> {
  if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
  return inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .updateTable('notifications')
      .set({ read_at: tx.now.toISOString() })
      .where('tenant_id', '=', tx.actor.tenantId)
      .where(ownRecordVisibility(tx.actor))
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const count = Number(r.numUpdatedRows);
    if (count > 0)
      await recordAudit(tx, {
        action: 'notification.read_all',
        targetType: 'notification',
        unitId: await unitOf(tx),
        summary: `全部通知标为已读（${count} 条）`,
        after: { count },
      });
    return { count };
  });
}

/** The reader's unit scopes the audit entry, so that unit's auditors see its read receipts. */
async function unitOf(ctx: OpContext): Promise<string | null> {
  const p = await ctx.db
    .selectFrom('people')
    .select('unit_id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', ctx.actor.personId!)
    .executeTakeFirst();
  return p?.unit_id ?? null;
}
