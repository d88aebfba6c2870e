import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { unitVisibility } from '../auth/policy.ts';
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { startsWith } from '../db/dialect.ts';
import type { CatalogDomain, DbOrTx, ObligationKind, RoleName, UnitKind } from '../db/types.ts';
import { isId } from '../lib/ids.ts';
import { entryIsLive } from './live-entry.ts';
import { periodLabel } from './periods.ts';
import type { ObligationSettings } from './settings.ts';
import { dueSoonCutoff, type ObligationStatus, STATUSES } from './status.ts';

/**
 * Read side of obligations, scoped by the policy (obligation.view on the unit). Status is computed
 * in SQL with the same rules as status.ts: a CASE over fulfilled_on, the live exclusion (a LEFT
 * JOIN on catalog_exclusions claimed/accepted — at most one per unit and entry), today and the
 * due-soon cutoff (the dueSoonDays-th working day after today). Superseded standing obligations
 * (replaced by a newer decision) are left out.
 */
export interface ObligationFilter {
  unitIds?: string[];
  /** A unit id: that unit and everything under it. */
  subtreeOf?: string;
  /** Unit kind. */
  kind?: UnitKind;
  domain?: CatalogDomain;
  obligationKind?: ObligationKind;
  status?: ObligationStatus;
  /** Due dates from / to (inclusive, 'YYYY-MM-DD'). */
  from?: string;
  to?: string;
  limit?: number;
}

export interface ObligationRow {
  id: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  unitKind: UnitKind;
  entryId: string;
  domain: CatalogDomain;
  level1: string;
  level2: string | null;
  item: string;
  responsibleRole: RoleName;
  kind: ObligationKind;
  periodKey: string;
  /** 2026年第3季度 for periods; the title for events and decisions. */
  label: string;
  periodStart: string;
  periodEnd: string;
  basisDate: string;
  timeLimitDays: number;
  dueDate: string;
  dueProvisional: boolean;
  title: string | null;
  fulfilledOn: string | null;
  fulfilmentKind: 'disclosure' | 'manual' | null;
  evidenceNote: string | null;
  evidenceFileId: string | null;
  disclosureId: string | null;
  notApplicable: boolean;
  status: ObligationStatus;
}

/** The SQL status of alias o (obligations) with x (live exclusion, left-joined). */
export function statusSql(today: string, cutoff: string): RawBuilder<ObligationStatus> {
  return sql<ObligationStatus>`case
    when o.fulfilled_on is not null then (case when o.fulfilled_on <= o.due_date then 'fulfilled' else 'fulfilled_late' end)
    when x.id is not null then 'not_applicable'
    when o.due_date < ${today} then 'overdue'
    when o.due_date <= ${cutoff} then 'due_soon'
    else 'upcoming' end`;
}

async function baseQuery(db: DbOrTx, actor: Actor, f: ObligationFilter) {
  let q = db
    .selectFrom('obligations as o')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'o.tenant_id').onRef('u.id', '=', 'o.unit_id'),
    )
    .innerJoin('catalog_entries as e', (j) =>
      j.onRef('e.tenant_id', '=', 'o.tenant_id').onRef('e.id', '=', 'o.entry_id'),
    )
    .leftJoin('catalog_exclusions as x', (j) =>
      j
        .onRef('x.tenant_id', '=', 'o.tenant_id')
        .onRef('x.unit_id', '=', 'o.unit_id')
        .onRef('x.entry_id', '=', 'o.entry_id')
        .on('x.status', 'in', ['claimed', 'accepted']),
    )
    .where('o.tenant_id', '=', actor.tenantId)
    .where('o.superseded_at', 'is', null)
    .where('u.status', '=', 'active')
    // An open obligation lives only while its entry and guiding catalog do (the board's rule too);
    // fulfilled ones stay as history.
    .where(sql<SqlBool>`(o.fulfilled_on is not null or ${entryIsLive})`)
    .where(unitVisibility(actor, 'obligation.view', 'u'));
  if (f.unitIds) q = q.where('o.unit_id', 'in', f.unitIds.length ? f.unitIds : ['-']);
  if (f.subtreeOf) {
    const root = isId(f.subtreeOf)
      ? await db
          .selectFrom('units')
          .select('path')
          .where('tenant_id', '=', actor.tenantId)
          .where('id', '=', f.subtreeOf)
          .executeTakeFirst()
      : undefined;
    q = root ? q.where(startsWith('u.path', root.path) as Expression<SqlBool>) : q.where(sql<SqlBool>`1 = 0`);
  }
  if (f.kind) q = q.where('u.kind', '=', f.kind);
  if (f.domain) q = q.where('e.domain', '=', f.domain);
  if (f.obligationKind) q = q.where('o.kind', '=', f.obligationKind);
  if (f.from) q = q.where('o.due_date', '>=', f.from);
  if (f.to) q = q.where('o.due_date', '<=', f.to);
  return q;
}

/** Obligations the actor may see, with their status today; by due date, then unit path. */
export async function listObligations(
  db: DbOrTx,
  actor: Actor,
  filter: ObligationFilter,
  today: string,
  calendar: WorkingCalendar,
  settings: Pick<ObligationSettings, 'dueSoonDays'>,
): Promise<ObligationRow[]> {
  const status = statusSql(today, dueSoonCutoff(today, calendar, settings.dueSoonDays));
  let q = (await baseQuery(db, actor, filter))
    .selectAll('o')
    .select([
      'u.name as unit_name',
      'u.path as unit_path',
      'u.kind as unit_kind',
      'e.domain',
      'e.level1',
      'e.level2',
      'e.item',
      'e.responsible_role',
      'x.id as exclusion_id',
      status.as('status'),
    ]);
  if (filter.status) q = q.where(status, '=', filter.status);
  const rows = await q
    .orderBy('o.due_date')
    .orderBy('u.path')
    .orderBy('o.id')
    .limit(filter.limit ?? 5000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitPath: r.unit_path,
    unitKind: r.unit_kind,
    entryId: r.entry_id,
    domain: r.domain,
    level1: r.level1,
    level2: r.level2,
    item: r.item,
    responsibleRole: r.responsible_role,
    kind: r.kind,
    periodKey: r.period_key,
    label: r.kind === 'periodic' ? periodLabel(r.period_key) : (r.title ?? r.period_key),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    basisDate: r.basis_date,
    timeLimitDays: r.time_limit_days,
    dueDate: r.due_date,
    dueProvisional: r.due_provisional === 1,
    title: r.title,
    fulfilledOn: r.fulfilled_on,
    fulfilmentKind: r.fulfilment_kind,
    evidenceNote: r.evidence_note,
    evidenceFileId: r.evidence_file_id,
    disclosureId: r.disclosure_id,
    notApplicable: r.exclusion_id !== null,
    status: r.status,
  }));
}

export type StatusCounts = Record<ObligationStatus, number>;
export const emptyCounts = (): StatusCounts =>
  Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

export interface UnitDomainSummary {
  unitId: string;
  unitName: string;
  unitPath: string;
  unitKind: UnitKind;
  domain: CatalogDomain;
  counts: StatusCounts;
  total: number;
}

/**
 * Counts by status per (unit, domain) over the obligations the actor may see: one grouped query
 * (plus one for subtreeOf's path). Units without obligations do not appear. Sorted by unit path,
 * then domain.
 */
export async function summarizeByUnitAndDomain(
  db: DbOrTx,
  actor: Actor,
  filter: Pick<
    ObligationFilter,
    'subtreeOf' | 'kind' | 'domain' | 'unitIds' | 'from' | 'to' | 'obligationKind'
  >,
  today: string,
  calendar: WorkingCalendar,
  settings: Pick<ObligationSettings, 'dueSoonDays'>,
): Promise<UnitDomainSummary[]> {
  const status = statusSql(today, dueSoonCutoff(today, calendar, settings.dueSoonDays));
  // Grouped outside a subquery: PostgreSQL cannot match a GROUP BY expression whose bind
  // parameters are numbered differently from the SELECT's.
  const inner = (await baseQuery(db, actor, filter)).select([
    'u.id as unit_id',
    'u.name as unit_name',
    'u.path as unit_path',
    'u.kind as unit_kind',
    'e.domain as domain',
    status.as('status'),
  ]);
  const rows = await db
    .selectFrom(inner.as('s'))
    .select((eb) => [
      's.unit_id',
      's.unit_name',
      's.unit_path',
      's.unit_kind',
      's.domain',
      's.status',
      eb.fn.countAll().as('n'),
    ])
    .groupBy(['s.unit_id', 's.unit_name', 's.unit_path', 's.unit_kind', 's.domain', 's.status'])
    .execute();
  const out = new Map<string, UnitDomainSummary>();
  for (const r of rows) {
    const key = `${r.unit_id}|${r.domain}`;
    let s = out.get(key);
    if (!s) {
      s = {
        unitId: r.unit_id,
        unitName: r.unit_name,
        unitPath: r.unit_path,
        unitKind: r.unit_kind,
        domain: r.domain,
        counts: emptyCounts(),
        total: 0,
      };
      out.set(key, s);
    }
    s.counts[r.status] += Number(r.n);
    s.total += Number(r.n);
  }
  return [...out.values()].sort((a, b) =>
    a.unitPath === b.unitPath ? a.domain.localeCompare(b.domain) : a.unitPath < b.unitPath ? -1 : 1,
  );
}
