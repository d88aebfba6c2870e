import type { Actor } from '../auth/actor.ts';
import { hasPermissionSomewhere } from '../auth/policy.ts';
import type { DbOrTx } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { moderationQueue } from './consultations/queries.ts';
import { heldCount, listStaffDemands } from './demands/queries.ts';
import { listFeedback } from './feedback/queries.ts';

export interface EngagementTodo {
  key: string;
  href: string;
  n: number;
}

/**
 * The back-office dashboard's engagement to-dos: what waits for this person, each through its
 * feature's own visibility-scoped query (a 举报 is counted only for the inspectors who see it).
 * Only non-zero items; null when the person handles no engagement at all.
 */
export async function engagementTodos(
  db: DbOrTx,
  actor: Actor,
  today: string,
): Promise<EngagementTodo[] | null> {
  const seesFeedback =
    hasPermissionSomewhere(actor, 'feedback.view') || hasPermissionSomewhere(actor, 'feedback.report');
  const consults = hasPermissionSomewhere(actor, 'consultation.manage');
  const answers = hasPermissionSomewhere(actor, 'demand.answer');
  if (!seesFeedback && !consults && !answers) return null;
  // moderation, routing and reopening after 不满意 are the office's (or the inspectors' for 举报)
  const triages =
    hasPermissionSomewhere(actor, 'feedback.office') || hasPermissionSomewhere(actor, 'feedback.report');
  const feedback = (filters: Parameters<typeof listFeedback>[3]) =>
    seesFeedback ? listFeedback(db, actor, today, { ...filters, limit: 1000 }).then((r) => r.length) : 0;
  const [held, toRoute, assigned, inProgress, overdue, dissatisfied, comments, demandsHeld, demandsOpen] =
    await Promise.all([
      triages ? feedback({ status: 'held' }) : 0,
      triages ? feedback({ status: 'received' }) : 0,
      feedback({ status: 'assigned' }),
      feedback({ status: 'in_progress' }),
      feedback({ overdue: true }),
      triages ? feedback({ dissatisfied: true }) : 0,
      consults ? moderationQueue(db, actor).then((r) => r.length) : 0,
      answers ? heldCount(db, actor) : 0,
      answers ? listStaffDemands(db, actor, { status: 'open' }).then((r) => r.length) : 0,
    ]);
  const todos: EngagementTodo[] = [
    { key: 'feedback_held', href: '/admin/feedback?status=held', n: held },
    { key: 'feedback_to_route', href: '/admin/feedback?status=received', n: toRoute },
    { key: 'feedback_to_answer', href: '/admin/feedback?status=assigned', n: assigned },
    { key: 'feedback_in_progress', href: '/admin/feedback?status=in_progress', n: inProgress },
    { key: 'feedback_overdue', href: '/admin/feedback?overdue=1', n: overdue },
    { key: 'feedback_dissatisfied', href: '/admin/feedback', n: dissatisfied },
    { key: 'comments_pending', href: '/admin/consultations/moderation', n: comments },
    { key: 'demands_held', href: '/admin/demands?status=held', n: demandsHeld },
    { key: 'demands_open', href: '/admin/demands?status=open', n: demandsOpen },
  ];
  return todos.filter((x) => x.n > 0);
}

export function EngagementTodosSection(p: { items: EngagementTodo[] | null | undefined }) {
  if (!p.items) return null;
  return (
    <section id="engagement-todos">
      <h2>{t('engagement.todo.title')}</h2>
      {p.items.length === 0 ? (
        <p>{t('engagement.todo.none')}</p>
      ) : (
        <ul>
          {p.items.map((x) => (
            <li key={x.key}>
              <a href={x.href}>{t(`engagement.todo.${x.key}`, { n: x.n })}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
