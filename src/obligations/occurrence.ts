import { type Static, Type } from 'typebox';
import { authorize } from '../auth/policy.ts';
import { isValidDate } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { effectiveCatalog } from '../catalog/queries.ts';
import type { CatalogEntry, DisclosureTiming, ObligationKind, ObligationsTable, Unit } from '../db/types.ts';
import { beijingDate } from '../jobs/schedule-daily.ts';
import type { OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { isId, newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { findUnit } from '../units/queries.ts';

/**
 * Shared by record-event and record-decision: an obligation that starts from a date someone
 * records (即时: the event; 长期: the decision) instead of a calendar period.
 */
export const OccurrenceInput = Type.Object({
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  entryId: Type.String({ minLength: 1, maxLength: 40 }),
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
});
export type OccurrenceInput = Static<typeof OccurrenceInput>;

const PREFIX: Record<Exclude<ObligationKind, 'periodic'>, string> = { event: 'E', standing: 'S' };
const TIMING: Record<Exclude<ObligationKind, 'periodic'>, DisclosureTiming> = {
  event: 'immediate',
  standing: 'standing',
};

/** Checks the input and the actor's right, and resolves the unit and the entry (in the unit's catalog). */
export async function resolveOccurrence(
  ctx: OpContext,
  kind: Exclude<ObligationKind, 'periodic'>,
  raw: unknown,
): Promise<{ input: OccurrenceInput; unit: Unit; entry: CatalogEntry }> {
  const input = parse(OccurrenceInput, raw);
  if (!isValidDate(input.date))
    throw new AppError('validation.failed', {
      status: 422,
      fields: [{ field: 'date', code: 'validation.format' }],
    });
  if (input.date > beijingDate(ctx.now))
    throw new AppError('validation.failed', {
      status: 422,
      fields: [{ field: 'date', code: 'obligation.date_in_future' }],
    });
  const unit = isId(input.unitId) ? await findUnit(ctx.db, ctx.actor.tenantId, input.unitId) : undefined;
  if (!unit) throw new AppError('unit.not_found');
  authorize(ctx.actor, 'obligation.record', unit);
  if (unit.status !== 'active') throw new AppError('obligation.unit_retired', { status: 422 });
  const item = (await effectiveCatalog(ctx.db, unit)).find((x) => x.entry.id === input.entryId);
  if (!item) throw new AppError('obligation.entry_not_in_catalog', { status: 422 });
  if (item.entry.timing !== TIMING[kind] || item.entry.mode !== 'proactive')
    throw new AppError('obligation.wrong_timing', { status: 422, params: { timing: TIMING[kind] } });
  return { input, unit, entry: item.entry };
}

/** Inserts the obligation: period_key '<E|S>:<date>:<n>', n counting occurrences on that date. */
export async function insertOccurrence(
  tx: OpContext,
  kind: Exclude<ObligationKind, 'periodic'>,
  o: { input: OccurrenceInput; unit: Unit; entry: CatalogEntry },
): Promise<ObligationsTable> {
  const tenantId = tx.actor.tenantId;
  const prefix = `${PREFIX[kind]}:${o.input.date}:`;
  const same = await tx.db
    .selectFrom('obligations')
    .select('period_key')
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', o.unit.id)
    .where('entry_id', '=', o.entry.id)
    .where('period_key', 'like', `${prefix}%`)
    .execute();
  const n = same.reduce((m, r) => Math.max(m, Number(r.period_key.slice(prefix.length)) || 0), 0) + 1;
  const due = (await loadCalendar(tx.db, tenantId)).addWorkingDays(o.input.date, o.entry.time_limit_days);
  const at = tx.now.toISOString();
  const row: ObligationsTable = {
    tenant_id: tenantId,
    id: newId(tx.now.getTime()),
    unit_id: o.unit.id,
    entry_id: o.entry.id,
    kind,
    period_key: `${prefix}${n}`,
    period_start: o.input.date,
    period_end: o.input.date,
    basis_date: o.input.date,
    time_limit_days: o.entry.time_limit_days,
    due_date: due.date,
    due_provisional: due.provisional ? 1 : 0,
    title: o.input.title,
    fulfilled_on: null,
    fulfilled_at: null,
    fulfilment_kind: null,
    fulfilled_by: null,
    evidence_note: null,
    evidence_file_id: null,
    disclosure_id: null,
    superseded_at: null,
    created_by: tx.actor.personId,
    created_at: at,
    updated_at: at,
  };
  await tx.db.insertInto('obligations').values(row).execute();
  return row;
}
