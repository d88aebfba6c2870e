import { recordAudit } from '../audit/record-audit.ts';
import type { ObligationsTable } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { insertOccurrence, resolveOccurrence } from './occurrence.ts';

/**
 * Records the event of a 即时公开 entry (e.g. a petition handled, a one-off decision) for a unit:
 * one obligation of kind 'event', due the entry's time limit in working days after the event.
 * The unit's publisher or approver, or an office covering it (obligation.record).
 */
export async function recordEvent(
  ctx: OpContext,
  raw: { unitId: string; entryId: string; eventDate: string; title: string } | unknown,
): Promise<ObligationsTable> {
  const r = raw as Record<string, unknown> | null;
  const o = await resolveOccurrence(ctx, 'event', { ...(r ?? {}), date: r?.eventDate ?? r?.date });
  return inTransaction(ctx, async (tx) => {
    const row = await insertOccurrence(tx, 'event', o);
    await recordAudit(tx, {
      action: 'obligation.event',
      targetType: 'obligation',
      targetId: row.id,
      unitId: row.unit_id,
      summary: `登记即时公开事项“${o.entry.item}”：${row.title}（${row.basis_date}，${row.due_date} 前公开）`,
      after: row,
    });
    return row;
  });
}
