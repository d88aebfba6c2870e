import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { draftColumns, entryOfUnit } from './draft-rules.ts';
import { UpdateDraftInput } from './schemas.ts';
import { type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/** Edits a draft (new or returned). Anything already submitted is edited only after a return. */
export async function updateDraft(ctx: OpContext, id: string, raw: unknown): Promise<Disclosure> {
  const input = parse(UpdateDraftInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d, unit } = await loadForStep(tx, id, 'disclosure.draft', ['draft']);
    const entry = await entryOfUnit(tx.db, unit, d.entry_id);
    const change = draftColumns(entry, input);
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
