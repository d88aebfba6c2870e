import { recordAudit } from '../../audit/record-audit.ts';
import { authorize } from '../../auth/policy.ts';
import type { DbOrTx, Unit } from '../../db/types.ts';
import type {
  ConsultationCommentsTable,
  ConsultationDecisionsTable,
  ConsultationParagraphsTable,
  ConsultationsTable,
} from '../../db/types-engagement.ts';
import type { OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { chinaDate, consultationStatus } from './status.ts';

export type Consultation = ConsultationsTable;
export type Paragraph = ConsultationParagraphsTable;
export type Comment = ConsultationCommentsTable;
export type Decision = ConsultationDecisionsTable;

export interface LoadedConsultation {
  c: Consultation;
  unit: Unit;
}

/** A consultation and its unit, or undefined (any tenant row the id does not name). */
export async function findConsultation(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<LoadedConsultation | undefined> {
  if (!isId(id)) return undefined;
  const c = await db
    .selectFrom('consultations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) return undefined;
  const unit = await db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', c.unit_id)
    .executeTakeFirstOrThrow();
  return { c, unit };
}

/** For staff steps: consultation.manage on the unit, else 404 (not visible) / 403. */
export async function consultationForStaff(ctx: OpContext, id: string): Promise<LoadedConsultation> {
  const found = await findConsultation(ctx.db, ctx.actor.tenantId, id);
  if (!found) throw new AppError('consultation.not_found');
  authorize(ctx.actor, 'consultation.manage', found.unit, 'consultation.not_found');
  return found;
}

/** The published consultation as the public sees it: drafts and withdrawn drafts answer 404. */
export async function consultationForPublic(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<LoadedConsultation> {
  const found = await findConsultation(db, tenantId, id);
  if (!found?.c.published_at) throw new AppError('consultation.not_found');
  return found;
}

export function paragraphsOf(db: DbOrTx, c: Consultation): Promise<Paragraph[]> {
  return db
    .selectFrom('consultation_paragraphs')
    .selectAll()
    .where('tenant_id', '=', c.tenant_id)
    .where('consultation_id', '=', c.id)
    .orderBy('number')
    .execute();
}

export async function writeParagraphs(ctx: OpContext, c: Consultation, texts: string[]): Promise<void> {
  await ctx.db
    .deleteFrom('consultation_paragraphs')
    .where('tenant_id', '=', c.tenant_id)
    .where('consultation_id', '=', c.id)
    .execute();
  if (texts.length === 0) return;
  await ctx.db
    .insertInto('consultation_paragraphs')
    .values(
      texts.map((body, i) => ({
        tenant_id: c.tenant_id,
        id: newId(ctx.now.getTime()),
        consultation_id: c.id,
        number: i + 1,
        body,
      })),
    )
    .execute();
}

/** The state of the linked final decision, if any (drives 'concluded'). */
export async function finalStateOf(db: DbOrTx, c: Consultation) {
  if (!c.final_disclosure_id) return null;
  const d = await db
    .selectFrom('disclosures')
    .select('state')
    .where('tenant_id', '=', c.tenant_id)
    .where('id', '=', c.final_disclosure_id)
    .executeTakeFirst();
  return d?.state ?? null;
}

export async function statusOf(db: DbOrTx, c: Consultation, now: Date) {
  return consultationStatus(c, chinaDate(now), await finalStateOf(db, c));
}

/** One step: the trail row (public when people should read it) and its audit entry, same transaction. */
export async function recordStep(
  ctx: OpContext,
  c: Consultation,
  step: {
    kind: string;
    summary: string;
    note?: string | null;
    public?: boolean;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await ctx.db
    .insertInto('consultation_events')
    .values({
      tenant_id: c.tenant_id,
      id: newId(ctx.now.getTime()),
      consultation_id: c.id,
      at: ctx.now.toISOString(),
      actor_id: ctx.actor.personId,
      actor_name: ctx.actor.kind === 'anonymous' ? null : ctx.actor.name,
      kind: step.kind,
      note: step.note ?? null,
      public: step.public ? 1 : 0,
    })
    .execute();
  await recordAudit(ctx, {
    action: `consultation.${step.kind}`,
    targetType: 'consultation',
    targetId: c.id,
    unitId: c.unit_id,
    summary: step.summary,
    before: step.before,
    after: step.after,
  });
}

/** Staff change a consultation row; updated_at follows. */
export async function updateConsultationRow(
  ctx: OpContext,
  c: Consultation,
  change: Partial<Consultation>,
): Promise<Consultation> {
  const next = { ...change, updated_at: ctx.now.toISOString() };
  await ctx.db
    .updateTable('consultations')
    .set(next)
    .where('tenant_id', '=', c.tenant_id)
    .where('id', '=', c.id)
    .execute();
  return { ...c, ...next };
}

export function stateError(code: string): AppError {
  return new AppError(code, { status: 409 });
}

export function fieldError(field: string, code: string, params?: Record<string, string | number>): AppError {
  return new AppError('validation.failed', { fields: [{ field, code, params }] });
}
