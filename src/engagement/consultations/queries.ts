import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { canSeeAudience, unitVisibility } from '../../auth/policy.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { AdoptionOutcome } from '../../db/types-engagement.ts';
import { customPatterns } from '../../privacy/pattern-store.ts';
import { maskPersonalData } from '../../privacy/privacy-guard.ts';
import { type ConsultationStatus, chinaDate, consultationStatus, daysLeft } from './status.ts';
import type { Comment, Consultation, Decision } from './store.ts';

export interface ListedConsultation {
  c: Consultation;
  unitName: string;
  status: ConsultationStatus;
  daysLeft: number;
  approved: number;
}

type Row = Consultation & {
  unit_name: string;
  final_state: string | null;
  final_audience: string | null;
  approved: number | string;
};

function listQuery(db: DbOrTx, tenantId: string) {
  return db
    .selectFrom('consultations as c')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.unit_id'),
    )
    .leftJoin('disclosures as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.id', '=', 'c.final_disclosure_id'),
    )
    .selectAll('c')
    .select(['u.name as unit_name', 'd.state as final_state', 'd.audience as final_audience'])
    .select(
      sql<number>`(select count(*) from consultation_comments k where k.tenant_id = c.tenant_id and k.consultation_id = c.id and k.status = 'approved')`.as(
        'approved',
      ),
    )
    .where('c.tenant_id', '=', tenantId);
}

/** forPublic: a final decision not disclosed 社会公开 does not make the consultation 'concluded'. */
function toListed(r: Row, today: string, forPublic: boolean): ListedConsultation {
  const { unit_name, final_state, final_audience, approved, ...c } = r;
  const finalState = forPublic && final_audience !== 'public' ? null : final_state;
  return {
    c,
    unitName: unit_name,
    status: consultationStatus(c, today, finalState as never),
    daysLeft: daysLeft(c, today),
    approved: Number(approved),
  };
}

const ACTIVE: ConsultationStatus[] = ['open', 'upcoming'];

/** The public list: open (fewest days left first) and upcoming, then past ones (latest first). */
export async function listPublicConsultations(
  db: DbOrTx,
  tenantId: string,
  now: Date,
  opts: { unitId?: string; limit?: number } = {},
): Promise<{ active: ListedConsultation[]; past: ListedConsultation[] }> {
  const today = chinaDate(now);
  let q = listQuery(db, tenantId).where('c.published_at', 'is not', null);
  if (opts.unitId) q = q.where('c.unit_id', '=', opts.unitId);
  const rows = (await q
    .orderBy('c.closes_on', 'desc')
    .limit(opts.limit ?? 500)
    .execute()) as Row[];
  const all = rows.map((r) => toListed(r, today, true));
  const active = all
    .filter((x) => ACTIVE.includes(x.status))
    .sort((a, b) => (a.status === b.status ? a.daysLeft - b.daysLeft : a.status === 'open' ? -1 : 1));
  return { active, past: all.filter((x) => !ACTIVE.includes(x.status)) };
}

/** The staff list: consultations of the units where the actor holds consultation.manage. */
export async function listStaffConsultations(
  db: DbOrTx,
  actor: Actor,
  now: Date,
): Promise<(ListedConsultation & { pending: number })[]> {
  const today = chinaDate(now);
  const rows = (await listQuery(db, actor.tenantId)
    .where(unitVisibility(actor, 'consultation.manage', 'u'))
    .select(
      sql<number>`(select count(*) from consultation_comments k where k.tenant_id = c.tenant_id and k.consultation_id = c.id and k.status = 'pending')`.as(
        'pending',
      ),
    )
    .orderBy('c.updated_at', 'desc')
    .limit(500)
    .execute()) as (Row & { pending: number | string })[];
  return rows.map((r) => ({ ...toListed(r, today, false), pending: Number(r.pending) }));
}

export interface ModerationItem {
  comment: Comment;
  consultationId: string;
  consultationTitle: string;
  unitName: string;
  flagged: boolean;
}

/** 待审核意见 of the actor's units: flagged ones (sensitive words, personal data) first, oldest first. */
export async function moderationQueue(
  db: DbOrTx,
  actor: Actor,
  consultationId?: string,
): Promise<ModerationItem[]> {
  let q = db
    .selectFrom('consultation_comments as k')
    .innerJoin('consultations as c', (j) =>
      j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.consultation_id'),
    )
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.unit_id'),
    )
    .selectAll('k')
    .select(['c.title as consultation_title', 'u.name as unit_name'])
    .where('k.tenant_id', '=', actor.tenantId)
    .where('k.status', '=', 'pending')
    .where(unitVisibility(actor, 'consultation.manage', 'u'));
  if (consultationId) q = q.where('k.consultation_id', '=', consultationId);
  const rows = await q.orderBy('k.submitted_at').limit(500).execute();
  const items = rows.map(({ consultation_title, unit_name, ...comment }) => ({
    comment,
    consultationId: comment.consultation_id,
    consultationTitle: consultation_title,
    unitName: unit_name,
    flagged: !!(comment.flag_words || comment.flag_personal),
  }));
  return [...items.filter((i) => i.flagged), ...items.filter((i) => !i.flagged)];
}

export function commentsOf(db: DbOrTx, c: Consultation): Promise<Comment[]> {
  return db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('tenant_id', '=', c.tenant_id)
    .where('consultation_id', '=', c.id)
    .orderBy('submitted_at')
    .execute();
}

/** A comment as the public sees it: no contact, name and text masked by the privacy guard. */
export interface PublicComment {
  id: string;
  paragraph: number | null;
  name: string | null;
  body: string;
  submittedAt: string;
  decisionId: string | null;
}

export async function publicComments(db: DbOrTx, c: Consultation): Promise<PublicComment[]> {
  const custom = await customPatterns(db, c.tenant_id);
  const rows = await db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('tenant_id', '=', c.tenant_id)
    .where('consultation_id', '=', c.id)
    .where('status', '=', 'approved')
    .orderBy('submitted_at')
    .execute();
  return rows.map((k) => ({
    id: k.id,
    paragraph: k.paragraph_number,
    name: k.author_name ? maskPersonalData(k.author_name, custom).text : null,
    body: maskPersonalData(k.body, custom).text,
    submittedAt: k.submitted_at,
    decisionId: k.decision_id,
  }));
}

export interface ReportEntry {
  decision: Decision;
  comments: PublicComment[];
}

export interface AdoptionReport {
  counts: Record<AdoptionOutcome, number>;
  total: number;
  entries: ReportEntry[];
}

/** The adoption report: decisions in order with their comments, and counts of comments per outcome. */
export async function adoptionReport(
  db: DbOrTx,
  c: Consultation,
  comments: PublicComment[],
): Promise<AdoptionReport> {
  const decisions = await db
    .selectFrom('consultation_decisions')
    .selectAll()
    .where('tenant_id', '=', c.tenant_id)
    .where('consultation_id', '=', c.id)
    .orderBy('id')
    .execute();
  const counts: Record<AdoptionOutcome, number> = { adopted: 0, partly_adopted: 0, not_adopted: 0 };
  const entries = decisions
    .map((decision) => ({ decision, comments: comments.filter((k) => k.decisionId === decision.id) }))
    .filter((e) => e.comments.length > 0);
  for (const e of entries) counts[e.decision.outcome] += e.comments.length;
  return { counts, total: comments.length, entries };
}

export interface FinalLink {
  id: string;
  title: string;
}

/**
 * The final decision, linked publicly only while it is published and the visitor may read it
 * (a 党内公开 decision is not linked for the public; a revoked or unpublished one not at all).
 */
export async function finalDecisionLink(
  db: DbOrTx,
  actor: Actor,
  c: Consultation,
): Promise<FinalLink | null> {
  if (!c.final_disclosure_id) return null;
  const d = await db
    .selectFrom('disclosures as d')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.id', '=', 'd.unit_id'),
    )
    .select(['d.id', 'd.title', 'd.state', 'd.audience', 'u.path', 'u.sphere', 'u.status'])
    .where('d.tenant_id', '=', c.tenant_id)
    .where('d.id', '=', c.final_disclosure_id)
    .executeTakeFirst();
  if (d?.state !== 'published') return null;
  if (!canSeeAudience(actor, d.audience, { id: c.unit_id, path: d.path, sphere: d.sphere, status: d.status }))
    return null;
  return { id: d.id, title: d.title };
}

export function publicEvents(db: DbOrTx, c: Consultation) {
  return db
    .selectFrom('consultation_events')
    .selectAll()
    .where('tenant_id', '=', c.tenant_id)
    .where('consultation_id', '=', c.id)
    .where('public', '=', 1)
    .orderBy('at')
    .execute();
}
