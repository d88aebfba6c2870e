import { recordAudit } from '../../audit/record-audit.ts';
import { addOwnEntry } from '../../catalog/add-own-entry.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { DbOrTx, Unit } from '../../db/types.ts';
import type { DemandAnswerKind } from '../../db/types-engagement.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { groundLabel } from './grounds.ts';
import { AnswerDemandInput } from './schemas.ts';
import { type Demand, type DemandAnswer, demandToHandle } from './store.ts';

type Input = ReturnType<typeof parse<typeof AnswerDemandInput>>;

/**
 * The unit's answer to an open demand (demand.answer on its unit), public and immutable — one per
 * demand (a unique key), open → answered:
 * - added_to_catalog: a new own ("X") entry of the unit's catalog, 社会公开, made by the catalog's
 *   own operation (addOwnEntry) in this transaction;
 * - already_published: a published 社会公开 disclosure of the unit or a unit under it;
 * - cannot_disclose: a legal ground (grounds.ts) and an explanation, both required.
 */
export async function answerDemand(
  ctx: OpContext,
  demandId: string,
  raw: unknown,
): Promise<{ demand: Demand; answer: DemandAnswer }> {
  const input = parse(AnswerDemandInput, raw);
  requireFields(input);
  return inTransaction(ctx, async (tx) => {
    const { demand, unit } = await demandToHandle(tx.db, tx.actor, demandId);
    if (demand.status !== 'open') throw new AppError('demand.not_open', { status: 409 });
    let catalogEntryId: string | null = null;
    let disclosureId: string | null = null;
    if (input.kind === 'added_to_catalog') {
      const entry = await addOwnEntry(tx, unit.id, {
        domain: input.domain,
        level1: input.level1,
        level2: input.level2,
        item: input.item,
        elements: input.elements,
        mode: 'proactive',
        timing: input.timing,
        period: input.timing === 'periodic' ? input.period : undefined,
        audience: 'public',
        requiredChannels: ['portal'],
      });
      catalogEntryId = entry.id;
    } else if (input.kind === 'already_published') {
      disclosureId = await publishedDisclosure(tx.db, unit, input.disclosureId ?? '');
    }
    const now = tx.now.toISOString();
    const answer: DemandAnswer = {
      tenant_id: demand.tenant_id,
      id: newId(tx.now.getTime()),
      demand_id: demand.id,
      unit_id: unit.id,
      kind: input.kind as DemandAnswerKind,
      catalog_entry_id: catalogEntryId,
      disclosure_id: disclosureId,
      ground: input.kind === 'cannot_disclose' ? (input.ground ?? null) : null,
      explanation: input.explanation ?? null,
      answered_by: tx.actor.personId,
      answered_by_name: tx.actor.name,
      answered_at: now,
    };
    try {
      await tx.db.insertInto('demand_answers').values(answer).execute();
    } catch (e) {
      // two answers at once: both saw 'open'; the unique key (one answer per demand) decides
      if (isUniqueViolation(e)) throw new AppError('demand.already_answered', { status: 409 });
      throw e;
    }
    const updated = await tx.db
      .updateTable('demands')
      .set({ status: 'answered', answered_at: now, updated_at: now })
      .where('tenant_id', '=', demand.tenant_id)
      .where('id', '=', demand.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('demand.not_open', { status: 409 });
    await recordAudit(tx, {
      action: 'demand.answer',
      targetType: 'demand',
      targetId: demand.id,
      unitId: unit.id,
      summary: `答复点单：${demand.title}（${summaryOf(answer)}）`,
      before: { status: demand.status },
      after: {
        status: 'answered',
        kind: answer.kind,
        catalogEntryId,
        disclosureId,
        ground: answer.ground,
      },
    });
    return { demand: { ...demand, status: 'answered', answered_at: now, updated_at: now }, answer };
  });
}

function summaryOf(a: DemandAnswer): string {
  if (a.kind === 'added_to_catalog') return '已纳入公开目录';
  if (a.kind === 'already_published') return '已公开';
  return `不予公开：${groundLabel(a.ground)}`;
}

/** Per kind, the fields it needs — all reported at once. */
function requireFields(input: Input): void {
  const need: string[] = [];
  if (input.kind === 'added_to_catalog') {
    for (const f of ['domain', 'level1', 'item', 'timing'] as const) if (!input[f]) need.push(f);
    if (input.timing === 'periodic' && !input.period) need.push('period');
  } else if (input.kind === 'already_published') {
    if (!input.disclosureId) need.push('disclosureId');
  } else {
    if (!input.ground) need.push('ground');
    if (!input.explanation) need.push('explanation');
  }
  if (need.length > 0)
    throw new AppError('validation.failed', {
      status: 422,
      fields: need.map((field): FieldError => ({ field, code: 'validation.required' })),
    });
}

/**
 * The disclosure an already_published answer links to: it must exist, be published (not revoked),
 * be 社会公开, and belong to the demand's unit or a unit under it. Accepts an id or a /d/:id link.
 */
async function publishedDisclosure(db: DbOrTx, unit: Unit, given: string): Promise<string> {
  const id = /\/d\/([^/?#\s]+)/.exec(given)?.[1] ?? given.trim();
  const d = await db
    .selectFrom('disclosures as d')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.id', '=', 'd.unit_id'),
    )
    .select(['d.id', 'd.state', 'd.audience', 'd.published_at', 'u.path'])
    .where('d.tenant_id', '=', unit.tenant_id)
    .where('d.id', '=', id)
    .executeTakeFirst();
  const fail = (code: string) =>
    new AppError('validation.failed', { status: 422, fields: [{ field: 'disclosureId', code }] });
  if (d?.state !== 'published' || !d.published_at) throw fail('demand.disclosure_unpublished');
  if (d.audience !== 'public') throw fail('demand.disclosure_not_public');
  if (!d.path.startsWith(unit.path)) throw fail('demand.disclosure_other_unit');
  return d.id;
}
