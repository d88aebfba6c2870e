import { recordAudit } from '../audit/record-audit.ts';
import type { ObligationsTable } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { insertOccurrence, resolveOccurrence } from './occurrence.ts';

/**
 * Records that a 长期公开 item (functions, plans, rules) was decided or changed: one standing
 * obligation due the entry's time limit after the decision. "Renewed on change": the unit's
 * previous open (unfulfilled) standing obligation of the entry is superseded, so only the latest
 * decision is owed. Fulfilled ones stay as they are (history).
 */
export async function recordDecision(
  ctx: OpContext,
  raw: { unitId: string; entryId: string; decisionDate: string; title: string } | unknown,
): Promise<ObligationsTable & { superseded: number }> {
  const r = raw as Record<string, unknown> | null;
  const o = await resolveOccurrence(ctx, 'standing', { ...(r ?? {}), date: r?.decisionDate ?? r?.date });
  return inTransaction(ctx, async (tx) => {
    const at = tx.now.toISOString();
    const superseded = await tx.db
      .updateTable('obligations')
      .set({ superseded_at: at, updated_at: at })
      .where('tenant_id', '=', tx.actor.tenantId)
      .where('unit_id', '=', o.unit.id)
      .where('entry_id', '=', o.entry.id)
      .where('kind', '=', 'standing')
      .where('fulfilled_on', 'is', null)
      .where('superseded_at', 'is', null)
      .returning('id')
      .execute();
    const row = await insertOccurrence(tx, 'standing', o);
    await recordAudit(tx, {
      action: 'obligation.decision',
      targetType: 'obligation',
      targetId: row.id,
      unitId: row.unit_id,
      summary: `登记长期公开事项“${o.entry.item}”的决定：${row.title}（${row.basis_date}，${row.due_date} 前公开）`,
      after: { ...row, superseded: superseded.map((s) => s.id) },
    });
    return { ...row, superseded: superseded.length };
  });
}
