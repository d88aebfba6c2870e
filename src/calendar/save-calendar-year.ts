import { type Static, Type } from 'typebox';
import { recordAudit } from '../audit/record-audit.ts';
import { coversWholeTenant } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { WorkingCalendar } from './calendar.ts';
import { runCalendarHooks } from './calendar-hooks.ts';
import { loadCalendar } from './tenant-calendar.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const SaveCalendarYearInput = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  holidays: Type.Array(Day, { maxItems: 120 }),
  makeupWorkdays: Type.Array(Day, { maxItems: 60 }),
  source: Type.String({ minLength: 1, maxLength: 300 }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type SaveCalendarYearInput = Static<typeof SaveCalendarYearInput>;

/**
 * Adds or corrects a year's holiday arrangement as a new version (the old ones stay), then lets
 * every feature recompute its running deadlines in the same transaction. Only an office whose
 * scope is the whole tenant may do it: the calendar is the same for every unit of the county.
 */
export async function saveCalendarYear(
  ctx: OpContext,
  raw: unknown,
): Promise<{ versionId: string; version: number; moved: Record<string, number> }> {
  const input = parse(SaveCalendarYearInput, raw);
  if (!coversWholeTenant(ctx.actor, 'calendar.manage'))
    throw new AppError(ctx.actor.kind === 'anonymous' ? 'auth.required' : 'auth.forbidden');
  const arrangement = {
    year: input.year,
    holidays: [...new Set(input.holidays)].sort(),
    makeupWorkdays: [...new Set(input.makeupWorkdays)].sort(),
    source: input.source,
  };
  // validates dates and consistency (calendar.bad_date / calendar.bad_arrangement)
  new WorkingCalendar([arrangement]);
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const last = await tx.db
      .selectFrom('calendar_versions')
      .select(['version', 'holidays_json', 'makeup_json'])
      .where('tenant_id', '=', tenantId)
      .where('year', '=', input.year)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const before = (await loadCalendar(tx.db, tenantId)).arrangement(input.year) ?? null;
    const version = (last?.version ?? 0) + 1;
    const versionId = newId(tx.now.getTime());
    await tx.db
      .insertInto('calendar_versions')
      .values({
        tenant_id: tenantId,
        id: versionId,
        year: input.year,
        version,
        holidays_json: JSON.stringify(arrangement.holidays),
        makeup_json: JSON.stringify(arrangement.makeupWorkdays),
        source: input.source,
        note: input.note ?? null,
        created_by: tx.actor.personId,
        created_at: tx.now.toISOString(),
      })
      .execute();
    const calendar = await loadCalendar(tx.db, tenantId);
    const moved = await runCalendarHooks(tx, { year: input.year, versionId, calendar });
    await recordAudit(tx, {
      action: 'calendar.save_year',
      targetType: 'calendar_year',
      targetId: versionId,
      summary: `更新 ${input.year} 年节假日安排（第 ${version} 版）：${input.source}`,
      before,
      after: { ...arrangement, note: input.note ?? null, moved },
    });
    return { versionId, version, moved };
  });
}
