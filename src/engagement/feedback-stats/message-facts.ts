import { startsWith } from '../../db/dialect.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { FeedbackRating, FeedbackStatus } from '../../db/types-engagement.ts';

/**
 * What the statistics read of each counted message: its columns, and the facts of its history
 * that the columns no longer hold — the current status and `rating` are overwritten by later
 * steps (a 满意 rating closes a 暂不能办理 answer; reopening clears the rating), so the kind of
 * each answer comes from `feedback_replies` (real replies, one row per round) and the
 * `cannot_handle` trail entries, and every rating from the `rated` trail entries.
 */
export interface StatRow {
  id: string;
  unit_id: string;
  status: FeedbackStatus;
  received_on: string;
  first_due_on: string | null;
  first_replied_on: string | null;
  replied_on: string | null;
  cannot_handle_reason: string | null;
  rating: FeedbackRating | null;
}

export type AnswerKind = 'reply' | 'cannot_handle';

export interface MessageFacts {
  /** The kind of the answer of the latest answered round (null: never answered). */
  lastAnswer: AnswerKind | null;
  /** Every rating the writer gave, one per rated round, in the order given. */
  ratings: FeedbackRating[];
}

export type StatScope = { unitId: string } | { subtreePath: string };

const RATINGS: readonly string[] = ['satisfied', 'basic', 'dissatisfied'];

/**
 * The counted messages of the tenant received in [from, to]: not held or rejected, never 举报;
 * all units, one unit, or a subtree. The same filter bounds the fact queries (as a subquery).
 */
function counted(db: DbOrTx, tenantId: string, from: string, to: string, scope?: StatScope) {
  let q = db
    .selectFrom('feedback as f')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'f.tenant_id').onRef('u.id', '=', 'f.unit_id'),
    )
    .where('f.tenant_id', '=', tenantId)
    .where('f.kind', '!=', 'report')
    .where('f.status', 'not in', ['held', 'rejected'])
    .where('f.received_on', '>=', from)
    .where('f.received_on', '<=', to);
  if (scope && 'unitId' in scope) q = q.where('f.unit_id', '=', scope.unitId);
  if (scope && 'subtreePath' in scope) q = q.where(startsWith('u.path', scope.subtreePath));
  return q;
}

const parseDetail = (s: string | null): Record<string, unknown> => {
  if (!s) return {};
  try {
    const v = JSON.parse(s);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const roundOf = (d: Record<string, unknown>): number | null =>
  typeof d.round === 'number' && Number.isInteger(d.round) ? d.round : null;

/**
 * The counted messages and their facts: three bounded queries (messages, their replies, their
 * cannot_handle / rated trail entries), the last two restricted by `feedback_id in (subquery)`
 * of the same filter — no per-message queries, plain SQL on SQLite and PostgreSQL.
 */
export async function statMessages(
  db: DbOrTx,
  tenantId: string,
  from: string,
  to: string,
  scope?: StatScope,
): Promise<{ row: StatRow; facts: MessageFacts }[]> {
  const rows = await counted(db, tenantId, from, to, scope)
    .select([
      'f.id',
      'f.unit_id',
      'f.status',
      'f.received_on',
      'f.first_due_on',
      'f.first_replied_on',
      'f.replied_on',
      'f.cannot_handle_reason',
      'f.rating',
    ])
    .execute();
  if (rows.length === 0) return [];
  const ids = () => counted(db, tenantId, from, to, scope).select('f.id');
  const replies = await db
    .selectFrom('feedback_replies as r')
    .select(['r.feedback_id', 'r.round'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.feedback_id', 'in', ids())
    .execute();
  const events = await db
    .selectFrom('feedback_events as e')
    .select(['e.id', 'e.feedback_id', 'e.kind', 'e.detail'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.kind', 'in', ['cannot_handle', 'rated'])
    .where('e.feedback_id', 'in', ids())
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();

  // per message: the answer of each round (a real reply wins over a 暂不能办理 of the same round)
  const answers = new Map<string, Map<number, AnswerKind>>();
  const answersOf = (id: string) => {
    const m = answers.get(id) ?? new Map<number, AnswerKind>();
    answers.set(id, m);
    return m;
  };
  const ratings = new Map<string, Map<number | string, FeedbackRating>>();
  for (const r of replies) answersOf(r.feedback_id).set(Number(r.round), 'reply');
  for (const e of events) {
    const d = parseDetail(e.detail);
    const round = roundOf(d);
    if (e.kind === 'cannot_handle') {
      const m = answersOf(e.feedback_id);
      const k = round ?? 1;
      if (m.get(k) !== 'reply') m.set(k, 'cannot_handle');
    } else if (typeof d.rating === 'string' && RATINGS.includes(d.rating)) {
      const m = ratings.get(e.feedback_id) ?? new Map<number | string, FeedbackRating>();
      ratings.set(e.feedback_id, m);
      // one rating per round (the operation enforces it); a round-less entry counts on its own
      const k = round ?? `event:${e.id}`;
      if (!m.has(k)) m.set(k, d.rating as FeedbackRating);
    }
  }

  return rows.map((row) => {
    const byRound = answers.get(row.id);
    let lastAnswer: AnswerKind | null = null;
    if (byRound && byRound.size > 0) lastAnswer = byRound.get(Math.max(...byRound.keys())) ?? null;
    // rows written outside the feedback operations (no trail): fall back to the columns
    else if (row.first_replied_on) lastAnswer = row.cannot_handle_reason ? 'cannot_handle' : 'reply';
    const rated = ratings.get(row.id);
    const list = rated ? [...rated.values()] : row.rating ? [row.rating] : [];
    return { row, facts: { lastAnswer, ratings: list } };
  });
}
