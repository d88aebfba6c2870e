import { recordAudit } from '../audit/record-audit.ts';
import { coversWholeTenant } from '../auth/policy.ts';
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import type { DisclosurePeriod, ObligationsTable } from '../db/types.ts';
import { beijingDate } from '../jobs/schedule-daily.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { type Period, periodsOverlapping } from './periods.ts';
import { getSettings } from './settings.ts';
import { entriesByUnit } from './unit-entries.ts';

export interface DeriveInput {
  /** The day derivation runs for ('YYYY-MM-DD'): periods up to the one containing it. */
  until: string;
  /** Only these units (e.g. a unit just created); default every active unit. */
  unitIds?: string[];
}

/** Rows per INSERT (24 columns each; SQLite allows 32,766 bound parameters). Measured: 200–1,000 are alike. */
const BATCH = 500;

/**
 * Creates the missing periodic obligations (定期公开): for every active unit and every periodic,
 * proactive entry of its effective catalog, one obligation per period that overlaps
 * [start, until], where start = the latest of the tenant's derivationStart, the day the entry was
 * created and the day the unit was created — so ended periods, and the current one (upcoming).
 * due_date = addWorkingDays(period end, entry's time limit), provisional when the calendar lacks a year.
 *
 * Idempotent and incremental: the unique key (unit, entry, period) and INSERT … ON CONFLICT DO
 * NOTHING make reruns create nothing; a (unit, entry) whose stored periods already form a complete
 * run [first … last] only inserts periods after it, so a daily run touches a handful of rows.
 * A few queries per run, whatever the number of units (no per-unit queries). One audit entry per
 * run that created something (and for every run a person asks for).
 */
export async function deriveObligations(
  ctx: OpContext,
  input: DeriveInput,
): Promise<{ created: number; unchanged: number }> {
  if (!coversWholeTenant(ctx.actor, 'obligation.manage'))
    throw new AppError(ctx.actor.kind === 'anonymous' ? 'auth.required' : 'auth.forbidden');
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const settings = await getSettings(tx.db, tenantId, input.until);
    const calendar = await loadCalendar(tx.db, tenantId);
    let uq = tx.db
      .selectFrom('units')
      .select(['id', 'kind', 'sphere', 'path', 'created_at'])
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'active');
    if (input.unitIds) {
      if (input.unitIds.length === 0) return { created: 0, unchanged: 0 };
      uq = uq.where('id', 'in', input.unitIds);
    }
    const units = await uq.execute();
    const entries = await entriesByUnit(tx.db, tenantId, units, { timing: 'periodic', mode: 'proactive' });
    const have = await existingRuns(tx, input.unitIds);

    const due = dueDates(calendar);
    const at = tx.now.toISOString();
    const rows: ObligationsTable[] = [];
    let candidates = 0;
    for (const u of units) {
      const unitStart = beijingDate(new Date(u.created_at));
      for (const e of entries.get(u.id) ?? []) {
        if (!e.period) continue;
        const from = maxOf(settings.derivationStart, unitStart, beijingDate(new Date(e.created_at)));
        const periods = periodsOverlapping(e.period, from, input.until);
        candidates += periods.length;
        for (const p of missing(periods, e.period, have.get(`${u.id}|${e.id}`))) {
          const d = due(p.end, e.time_limit_days);
          rows.push({
            tenant_id: tenantId,
            id: newId(tx.now.getTime()),
            unit_id: u.id,
            entry_id: e.id,
            kind: 'periodic',
            period_key: p.key,
            period_start: p.start,
            period_end: p.end,
            basis_date: p.end,
            time_limit_days: e.time_limit_days,
            due_date: d.date,
            due_provisional: d.provisional ? 1 : 0,
            title: null,
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
          });
        }
      }
    }
    let created = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      const r = await tx.db
        .insertInto('obligations')
        .values(rows.slice(i, i + BATCH))
        .onConflict((oc) => oc.columns(['tenant_id', 'unit_id', 'entry_id', 'period_key']).doNothing())
        .executeTakeFirst();
      // Both engines count only the rows inserted (ON CONFLICT DO NOTHING skips the others).
      created += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    const result = { created, unchanged: candidates - created };
    if (created > 0 || tx.actor.kind === 'person')
      await recordAudit(tx, {
        action: 'obligation.derive',
        targetType: 'obligations',
        summary: `生成定期公开义务：新增 ${created} 条，已有 ${result.unchanged} 条`,
        after: { until: input.until, units: units.length, unitIds: input.unitIds ?? null, ...result },
      });
    return result;
  });
}

interface Run {
  first: string;
  last: string;
  n: number;
}

/** Per (unit, entry): the first and last stored period start and how many periods are stored. */
async function existingRuns(tx: OpContext, unitIds?: string[]): Promise<Map<string, Run>> {
  let q = tx.db
    .selectFrom('obligations')
    .select((eb) => [
      'unit_id',
      'entry_id',
      eb.fn.min('period_start').as('first'),
      eb.fn.max('period_start').as('last'),
      eb.fn.countAll().as('n'),
    ])
    .where('tenant_id', '=', tx.actor.tenantId)
    .where('kind', '=', 'periodic');
  if (unitIds) q = q.where('unit_id', 'in', unitIds);
  const rows = await q.groupBy(['unit_id', 'entry_id']).execute();
  return new Map(
    rows.map((r) => [
      `${r.unit_id}|${r.entry_id}`,
      { first: String(r.first), last: String(r.last), n: Number(r.n) },
    ]),
  );
}

/**
 * The candidate periods that may be missing. When the stored ones are a complete run (as many as
 * there are periods from first to last), only candidates outside that run; otherwise all of them
 * (the unique key drops those that exist).
 */
function missing(periods: Period[], kind: DisclosurePeriod, run: Run | undefined): Period[] {
  if (!run || periods.length === 0) return periods;
  if (periodsOverlapping(kind, run.first, run.last).length !== run.n) return periods;
  return periods.filter((p) => p.start < run.first || p.start > run.last);
}

/** addWorkingDays memoized by (basis, n): thousands of rows share a handful of period ends. */
function dueDates(calendar: WorkingCalendar) {
  const cache = new Map<string, { date: string; provisional: boolean }>();
  return (basis: string, n: number) => {
    const key = `${basis}|${n}`;
    let d = cache.get(key);
    if (!d) {
      d = calendar.addWorkingDays(basis, n);
      cache.set(key, d);
    }
    return d;
  };
}

/** The latest of some 'YYYY-MM-DD' dates (they compare as strings). */
const maxOf = (...dates: string[]) => [...dates].sort().at(-1) as string;
