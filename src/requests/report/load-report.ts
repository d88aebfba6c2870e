import type { Actor } from '../../auth/actor.ts';
import { unitVisibility } from '../../auth/policy.ts';
import type { DbOrTx, Unit } from '../../db/types.ts';
import { AppError } from '../../lib/errors.ts';
import { isId } from '../../lib/ids.ts';
import { computeAnnualTables } from './compute.ts';
import { loadReportRecords, REPORT_PERMISSION } from './load-records.ts';
import type { AnnualRequestTables } from './model.ts';

export interface ReportScope {
  year: number;
  unit: Pick<Unit, 'id' | 'name' | 'path'>;
  subtree: boolean;
}

/**
 * The scope from query parameters: the year (default: this year), a unit the actor holds
 * request.view on (default: the top of its widest grant; an unseen unit answers not found) and
 * whether its subtree counts (default when no unit is named: yes).
 */
export async function resolveScope(
  db: DbOrTx,
  actor: Actor,
  q: { year?: unknown; unit?: unknown; subtree?: unknown },
  thisYear: number,
): Promise<ReportScope | null> {
  const y = Number(q.year);
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : thisYear;
  const named = typeof q.unit === 'string' && q.unit !== '';
  if (named && !isId(q.unit)) throw new AppError('unit.not_found');
  let query = db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.path'])
    .where('u.tenant_id', '=', actor.tenantId)
    .where(unitVisibility(actor, REPORT_PERMISSION, 'u'));
  query = named ? query.where('u.id', '=', q.unit as string) : query.orderBy('u.depth').orderBy('u.path');
  const unit = await query.executeTakeFirst();
  if (!unit) {
    if (named) throw new AppError('unit.not_found');
    return null;
  }
  const subtree = named ? q.subtree === '1' || q.subtree === 'true' || q.subtree === true : true;
  return { year, unit, subtree };
}

export async function loadReport(db: DbOrTx, actor: Actor, scope: ReportScope): Promise<AnnualRequestTables> {
  const records = await loadReportRecords(db, actor, scope.unit, scope.subtree, scope.year);
  return computeAnnualTables(records, scope.year);
}
