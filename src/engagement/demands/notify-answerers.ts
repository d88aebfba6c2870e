import { anonymousActor } from '../../auth/actor.ts';
import { can, ROLES } from '../../auth/policy.ts';
import type { Unit } from '../../db/types.ts';
import type { OpContext } from '../../lib/context.ts';
import { notify } from '../../notify/notify.ts';
import { grantHolders } from '../../people/grant-holders.ts';
import type { Demand } from './store.ts';

/**
 * Tells those who answer the unit's demands (demand.answer covering it) that a demand arrived —
 * to moderate when held, to answer when open. Region-wide grants (the county office) are left out:
 * they see every unit's list and would otherwise get every village's demand.
 */
export async function notifyAnswerers(ctx: OpContext, unit: Unit, d: Demand): Promise<void> {
  const holders = (await grantHolders(ctx, ROLES)).filter((g) => {
    if (g.unitSphere === 'region' && g.coversSubtree) return false;
    // the policy decides, asked for this one grant
    const one = { ...anonymousActor(ctx.actor.tenantId), kind: 'person' as const, grants: [g] };
    return can(one, 'demand.answer', unit);
  });
  await notify(ctx, {
    personIds: holders.map((g) => g.personId),
    kind: d.status === 'held' ? 'demand.held' : 'demand.new',
    title: d.status === 'held' ? `点单待审核：${d.title}` : `新的点单：${d.title}`,
    body: `${unit.name}收到点单“${d.title}”，请及时${d.status === 'held' ? '审核' : '答复'}。`,
    link: `/admin/demands/${d.id}`,
    dedupeKey: `demand.new:${d.id}`,
    email: false,
  });
}
