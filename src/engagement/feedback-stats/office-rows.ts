import type { Actor } from '../../auth/actor.ts';
import { unitVisibility } from '../../auth/policy.ts';
import type { DbOrTx } from '../../db/types.ts';
import { emptyFigures, type FigureView, figuresByUnit, mergeFigures, view } from './compute-stats.ts';
import type { Period } from './period.ts';

export interface OfficeRow {
  unitId: string;
  code: string;
  name: string;
  depth: number;
  figures: FigureView;
}

/**
 * The back office table: one row per unit the actor may see (feedback.view), in tree order. With
 * `rollup` each row sums the unit and every visible unit below it (下级汇总); without, its own only.
 * Units with nothing received are kept only when `withEmpty`.
 */
export async function officeRows(
  db: DbOrTx,
  actor: Actor,
  period: Period,
  today: string,
  opts: { rollup: boolean; withEmpty?: boolean },
): Promise<{ rows: OfficeRow[]; total: FigureView }> {
  const units = await db
    .selectFrom('units as u')
    .select(['u.id', 'u.code', 'u.name', 'u.path', 'u.depth'])
    .where('u.tenant_id', '=', actor.tenantId)
    .where(unitVisibility(actor, 'feedback.view', 'u'))
    .orderBy('u.path')
    .limit(5000)
    .execute();
  const by = await figuresByUnit(db, actor.tenantId, period.from, period.to, today);
  const total = emptyFigures();
  for (const u of units) {
    const f = by.get(u.id);
    if (f) mergeFigures(total, f);
  }
  const rows: OfficeRow[] = [];
  for (const u of units) {
    const f = emptyFigures();
    if (opts.rollup) {
      for (const d of units) if (d.path.startsWith(u.path)) mergeFigures(f, by.get(d.id) ?? emptyFigures());
    } else mergeFigures(f, by.get(u.id) ?? emptyFigures());
    if (f.received === 0 && !opts.withEmpty) continue;
    rows.push({ unitId: u.id, code: u.code, name: u.name, depth: Number(u.depth), figures: view(f) });
  }
  return { rows, total: view(total) };
}
