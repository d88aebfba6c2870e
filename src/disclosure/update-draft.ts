import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { draftDisplayUntil } from './display-until.ts';
import { draftColumns, entryOfUnit } from './draft-rules.ts';
import { interpretationOf } from './interpretation.ts';
import { UpdateDraftInput } from './schemas.ts';
import { type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/** Edits a draft (new or returned). Anything already submitted is edited only after a return. */
export async function updateDraft(ctx: OpContext, id: string, raw: unknown): Promise<Disclosure> {
  const input = parse(UpdateDraftInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d, unit } = await loadForStep(tx, id, 'disclosure.draft', ['draft']);
    const entry = await entryOfUnit(tx.db, unit, d.entry_id);
    const change = draftColumns(entry, input);
    change.display_until = draftDisplayUntil(change.display_until, change.decided_on);
    // A 政策解读 stays 主动公开: it is published with its document.
    // … and a document with an interpretation is not turned into a 不予公开 filing behind its back.
    if (
      change.attribute === 'withheld' &&
      (d.interprets_id || (d.attribute !== 'withheld' && (await interpretationOf(tx.db, d))))
    )
      throw new AppError('validation.failed', {
        fields: [{ field: 'attribute', code: 'disclosure.interpretation_withheld' }],
      });
    const next = await updateDisclosure(tx, d, { ...change, privacy_override_reason: null });
    await recordStep(tx, next, {
      action: 'update',
      summary: '修改公开事项草稿',
      before: { title: d.title, period_key: d.period_key },
      after: { title: next.title, period_key: next.period_key },
    });
    return next;
  });
}
