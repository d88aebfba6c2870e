import { type Static, Type } from 'typebox';
import type { DbOrTx } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { bodyFromInput } from './draft-rules.ts';
import { type Disclosure, loadForStep, newDraftTrail, recordStep } from './store.ts';

/**
 * 政策解读 (三同时): a disclosure that interprets another one of the same unit (its document).
 * It is drafted from the document's page, reviewed and approved through the same steps, and
 * published together with the document (publish-disclosure.ts); when the document's catalog entry
 * requires an interpretation (catalog_entries.requires_interpretation), the document cannot be
 * published without an approved one. One live interpretation per document (a revoked one may be
 * replaced).
 */
export const InterpretationInput = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  bodyHtml: Type.Optional(Type.String({ maxLength: 500_000 })),
});
export type InterpretationInput = Static<typeof InterpretationInput>;

/** The document's current interpretation (the newest that is not revoked), if any. */
export async function interpretationOf(db: DbOrTx, doc: Disclosure): Promise<Disclosure | undefined> {
  return db
    .selectFrom('disclosures')
    .selectAll()
    .where('tenant_id', '=', doc.tenant_id)
    .where('interprets_id', '=', doc.id)
    .where('state', '<>', 'revoked')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** 起草政策解读: a draft interpreting the document, in its unit, under its entry and period. */
export async function createInterpretation(
  ctx: OpContext,
  documentId: string,
  raw: unknown = {},
): Promise<Disclosure> {
  const input = parse(InterpretationInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d: doc, unit } = await loadForStep(tx, documentId, 'disclosure.draft', [
      'draft',
      'submitted',
      'reviewed',
      'approved',
      'published',
    ]);
    if (doc.interprets_id) throw new AppError('disclosure.interpretation_of_interpretation', { status: 409 });
    if (doc.attribute === 'withheld')
      throw new AppError('disclosure.interpretation_withheld', { status: 409 });
    if (unit.status === 'retired') throw new AppError('unit.retired', { status: 409 });
    const existing = await interpretationOf(tx.db, doc);
    if (existing)
      throw new AppError('disclosure.interpretation_exists', {
        status: 409,
        params: { title: existing.title },
      });
    const d: Disclosure = {
      ...doc,
      id: newId(tx.now.getTime()),
      state: 'draft',
      attribute: 'proactive',
      withheld_reason: null,
      withheld_basis: null,
      review_date: null,
      interprets_id: doc.id,
      title: input.title ?? `关于《${doc.title}》的政策解读`,
      body_html: bodyFromInput(input.bodyHtml ?? ''),
      ...newDraftTrail(tx),
    };
    await tx.db.insertInto('disclosures').values(d).execute();
    await recordStep(tx, d, {
      action: 'draft',
      summary: '起草政策解读',
      after: { interprets_id: doc.id, entry_id: d.entry_id, period_key: d.period_key },
    });
    await recordStep(tx, doc, {
      action: 'interpretation',
      summary: '起草政策解读',
      after: { interpretation_id: d.id },
    });
    return d;
  });
}
