import { sql } from 'kysely';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { checkThrottle, recordThrottle } from '../throttle.ts';
import { supporterKey, visibleDemand } from './store.ts';

/**
 * Supports an open demand (我也想知道): one support per signed-in person, or per device for
 * anonymous visitors. The unique key (tenant, demand, supporter) in demand_supports is the rule:
 * a repeat — even two at the same instant — inserts nothing and answers `added: false`.
 */
export async function supportDemand(
  ctx: OpContext,
  demandId: string,
  device: string | null,
): Promise<{ added: boolean; supportCount: number }> {
  const ip = ctx.ip ?? 'unknown';
  const tenantId = ctx.actor.tenantId;
  await checkThrottle(ctx.db, tenantId, 'demand_support', ip, ctx.now);
  const key = supporterKey(ctx.actor, device);
  return inTransaction(ctx, async (tx) => {
    const { demand, unit } = await visibleDemand(tx.db, tx.actor, demandId);
    if (demand.status !== 'open') throw new AppError('demand.not_open', { status: 409 });
    const inserted = await tx.db
      .insertInto('demand_supports')
      .values({
        tenant_id: tenantId,
        id: newId(tx.now.getTime()),
        demand_id: demand.id,
        supporter_key: key,
        created_at: tx.now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'demand_id', 'supporter_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { added: false, supportCount: demand.support_count };
    await tx.db
      .updateTable('demands')
      .set({ support_count: sql<number>`support_count + 1`, updated_at: tx.now.toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', demand.id)
      .execute();
    await recordThrottle(tx.db, tenantId, 'demand_support', ip, tx.now);
    await recordAudit(tx, {
      action: 'demand.support',
      targetType: 'demand',
      targetId: demand.id,
      unitId: unit.id,
      summary: `支持点单：${demand.title}`,
      after: { supportCount: demand.support_count + 1, signedIn: tx.actor.kind === 'person' },
    });
    return { added: true, supportCount: demand.support_count + 1 };
  });
}
