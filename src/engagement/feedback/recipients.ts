import type { Actor } from '../../auth/actor.ts';
import { can, type Permission, ROLES, type UnitRef } from '../../auth/policy.ts';
import type { Unit } from '../../db/types.ts';
import type { OpContext } from '../../lib/context.ts';
import { notify } from '../../notify/notify.ts';
import { type GrantHolder, grantHolders } from '../../people/grant-holders.ts';
import type { Feedback } from './store.ts';

/** The people whose grant gives them `perm` on the unit — asked of the policy, grant by grant. */
export function holdersOf(holders: GrantHolder[], perm: Permission, unit: UnitRef): string[] {
  const ids = holders
    .filter((h) => {
      const one: Actor = {
        kind: 'person',
        tenantId: '',
        personId: h.personId,
        name: '',
        username: null,
        grants: [h],
      };
      return can(one, perm, unit);
    })
    .map((h) => h.personId);
  return [...new Set(ids)];
}

export async function peopleWith(ctx: OpContext, perm: Permission, unit: UnitRef): Promise<string[]> {
  return holdersOf(await grantHolders(ctx, ROLES), perm, unit);
}

/**
 * Tells the responsible unit's handlers (the inspectors, for a 举报) that a message now waits for
 * their answer, with its deadline. In the caller's transaction; once per message and deadline.
 */
export async function notifyAssigned(ctx: OpContext, f: Feedback, unit: Unit): Promise<void> {
  const perm: Permission = f.kind === 'report' ? 'feedback.report' : 'feedback.handle';
  const subject = f.kind === 'report' ? '（举报）' : f.subject;
  await notify(ctx, {
    personIds: await peopleWith(ctx, perm, unit),
    kind: 'feedback.assigned',
    title: `新留言待办理：${f.tracking_code}`,
    body: `${unit.name}有一条${f.kind === 'report' ? '举报' : '留言'}“${subject}”待办理，请于 ${f.due_on ?? ''} 前答复。`,
    link: `/admin/feedback/${f.id}`,
    dedupeKey: `feedback.assigned:${f.id}:${f.due_on ?? ''}`,
    email: true,
  });
}
