import { type SqlBool, sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { unitVisibility } from '../../auth/policy.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { FeedbackKind, FeedbackStatus } from '../../db/types-engagement.ts';
import type { Feedback } from './store.ts';

/**
 * Back-office and API lists, scoped by the policy: 举报 only for feedback.report on their unit;
 * other messages for feedback.office, or feedback.view once past moderation.
 */
export function feedbackVisibility(actor: Actor, alias = 'u'): ReturnType<typeof sql<SqlBool>> {
  const status = sql.ref('f.status');
  const kind = sql.ref('f.kind');
  return sql<SqlBool>`((${kind} = 'report' and ${unitVisibility(actor, 'feedback.report', alias)})
    or (${kind} <> 'report' and (${unitVisibility(actor, 'feedback.office', alias)}
      or (${unitVisibility(actor, 'feedback.view', alias)} and ${status} not in ('held', 'rejected')))))`;
}

export interface FeedbackFilters {
  status?: FeedbackStatus;
  kind?: FeedbackKind;
  unitId?: string;
  overdue?: boolean;
  dissatisfied?: boolean;
  limit?: number;
}

export type FeedbackListItem = Feedback & { unit_name: string };

export async function listFeedback(
  db: DbOrTx,
  actor: Actor,
  today: string,
  filters: FeedbackFilters = {},
): Promise<FeedbackListItem[]> {
  let q = db
    .selectFrom('feedback as f')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'f.tenant_id').onRef('u.id', '=', 'f.unit_id'),
    )
    .selectAll('f')
    .select('u.name as unit_name')
    .where('f.tenant_id', '=', actor.tenantId)
    .where(feedbackVisibility(actor));
  if (filters.status) q = q.where('f.status', '=', filters.status);
  if (filters.kind) q = q.where('f.kind', '=', filters.kind);
  if (filters.unitId) q = q.where('f.unit_id', '=', filters.unitId);
  if (filters.overdue)
    q = q.where('f.status', 'in', ['assigned', 'in_progress']).where('f.due_on', '<', today);
  if (filters.dissatisfied)
    q = q.where('f.rating', '=', 'dissatisfied').where('f.status', 'in', ['replied', 'cannot_handle']);
  return q
    .orderBy('f.submitted_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(filters.limit ?? 200)
    .execute() as Promise<FeedbackListItem[]>;
}

export function eventsOf(db: DbOrTx, f: Pick<Feedback, 'tenant_id' | 'id'>) {
  return db
    .selectFrom('feedback_events')
    .selectAll()
    .where('tenant_id', '=', f.tenant_id)
    .where('feedback_id', '=', f.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
export type FeedbackEvent = Awaited<ReturnType<typeof eventsOf>>[number];

export function repliesOf(db: DbOrTx, f: Pick<Feedback, 'tenant_id' | 'id'>) {
  return db
    .selectFrom('feedback_replies')
    .selectAll()
    .where('tenant_id', '=', f.tenant_id)
    .where('feedback_id', '=', f.id)
    .orderBy('round')
    .orderBy('replied_at')
    .execute();
}

/** Units the actor may route a message to (feedback.office) or enter paper forms for (feedback.handle). */
export function unitsWith(db: DbOrTx, actor: Actor, perm: 'feedback.office' | 'feedback.handle') {
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.path'])
    .where('u.tenant_id', '=', actor.tenantId)
    .where('u.status', '=', 'active')
    .where(unitVisibility(actor, perm, 'u'))
    .orderBy('u.path')
    .limit(2000)
    .execute();
}

/** Units the actor sees any message of (list filter). */
export function unitsSeen(db: DbOrTx, actor: Actor) {
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.path'])
    .where('u.tenant_id', '=', actor.tenantId)
    .where((eb) =>
      eb.or([
        unitVisibility(actor, 'feedback.view', 'u'),
        unitVisibility(actor, 'feedback.office', 'u'),
        unitVisibility(actor, 'feedback.report', 'u'),
      ]),
    )
    .orderBy('u.path')
    .limit(2000)
    .execute();
}
