import { type SqlBool, sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { can, unitVisibility } from '../auth/policy.ts';
import { containsText } from '../db/dialect.ts';
import type { DbOrTx, RequestState } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { maskName } from './mask.ts';
import { CLOCK_STATES, findRequest, type LoadedRequest } from './store.ts';

/** Queries of the request feature, scoped by the policy's visibility filters. */

export interface ListFilters {
  state?: RequestState;
  overdueOnly?: boolean;
  q?: string;
  unitId?: string;
  limit?: number;
}

const LIST_COLUMNS = [
  'r.id',
  'r.tracking_code',
  'r.unit_id',
  'u.name as unit_name',
  'r.state',
  'r.channel',
  'r.applicant_kind',
  'r.applicant_name',
  'r.description',
  'r.received_on',
  'r.due_date',
  'r.due_provisional',
  'r.clock_paused',
  'r.outcome_key',
  'r.submitted_at',
] as const;

/** Requests of the units where the actor holds request.view: overdue first, then by deadline. */
export async function listRequests(db: DbOrTx, actor: Actor, today: string, f: ListFilters = {}) {
  const open = sql.join(CLOCK_STATES.map((s) => sql.lit(s)));
  const overdue = sql<SqlBool>`(r.state in (${open}) and r.clock_paused = 0 and r.due_date < ${today})`;
  let q = db
    .selectFrom('requests as r')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.unit_id'),
    )
    .select([...LIST_COLUMNS])
    .select(sql<number>`case when ${overdue} then 1 else 0 end`.as('overdue'))
    .where('r.tenant_id', '=', actor.tenantId)
    .where(unitVisibility(actor, 'request.view', 'u'));
  if (f.state) q = q.where('r.state', '=', f.state);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.overdueOnly) q = q.where(overdue);
  if (f.q?.trim()) {
    // a tracking code exactly, or an applicant's name / the content asked / the 文号, in part
    const needle = f.q.trim();
    q = q.where(
      sql<SqlBool>`(r.tracking_code = ${needle.toUpperCase()} or ${containsText('r.applicant_name', needle)}
        or ${containsText('r.description', needle)} or ${containsText('r.doc_number', needle)})`,
    );
  }
  return q
    .orderBy(
      sql`case when ${overdue} then 0 when r.state = 'awaiting_confirmation' then 1 when r.state in (${open}) then 2 else 3 end`,
    )
    .orderBy(sql`case when r.due_date is null then 1 else 0 end`)
    .orderBy('r.due_date')
    .orderBy('r.id', 'desc')
    .limit(f.limit ?? 500)
    .execute();
}
export type RequestListRow = Awaited<ReturnType<typeof listRequests>>[number];

/**
 * Requests the actor's units sent on to another unit (转办): the source keeps a record, with the
 * applicant's personal data masked (it is no longer the handling unit).
 */
export async function transferredOut(db: DbOrTx, actor: Actor) {
  const rows = await db
    .selectFrom('request_events as e')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.unit_id'),
    )
    .innerJoin('units as t', (j) =>
      j.onRef('t.tenant_id', '=', 'e.tenant_id').onRef('t.id', '=', 'e.to_unit_id'),
    )
    .innerJoin('requests as r', (j) =>
      j.onRef('r.tenant_id', '=', 'e.tenant_id').onRef('r.id', '=', 'e.request_id'),
    )
    .select([
      'r.id',
      'r.tracking_code',
      'r.state',
      'r.applicant_name',
      'r.description',
      'e.at',
      'e.reason',
      'u.name as from_name',
      't.name as to_name',
    ])
    .where('e.tenant_id', '=', actor.tenantId)
    .where('e.action', '=', 'transfer')
    .where(unitVisibility(actor, 'request.view', 'u'))
    .orderBy('e.at', 'desc')
    .limit(200)
    .execute();
  return rows.map((x) => ({ ...x, applicant_name: maskName(x.applicant_name) }));
}

/** One request for the back office: 404 unless the actor holds request.view on its unit. */
export async function getRequestForStaff(db: DbOrTx, actor: Actor, id: string): Promise<LoadedRequest> {
  const found = await findRequest(db, actor.tenantId, id);
  if (!found || !can(actor, 'request.view', found.unit)) throw new AppError('request.not_found');
  return found;
}

export async function eventsOf(db: DbOrTx, r: { tenant_id: string; id: string }, publicOnly = false) {
  let q = db
    .selectFrom('request_events as e')
    .leftJoin('units as t', (j) =>
      j.onRef('t.tenant_id', '=', 'e.tenant_id').onRef('t.id', '=', 'e.to_unit_id'),
    )
    .selectAll('e')
    .select('t.name as to_unit_name')
    .where('e.tenant_id', '=', r.tenant_id)
    .where('e.request_id', '=', r.id);
  if (publicOnly) q = q.where('e.public', '=', 1);
  return q.orderBy('e.at').orderBy('e.id').execute();
}
export type RequestEvent = Awaited<ReturnType<typeof eventsOf>>[number];

export async function remediesOf(db: DbOrTx, r: { tenant_id: string; id: string }) {
  return db
    .selectFrom('request_remedies')
    .selectAll()
    .where('tenant_id', '=', r.tenant_id)
    .where('request_id', '=', r.id)
    .orderBy('filed_on')
    .execute();
}

export async function linkedDisclosures(db: DbOrTx, r: { tenant_id: string; id: string }) {
  return db
    .selectFrom('request_disclosures as l')
    .innerJoin('disclosures as d', (j) =>
      j.onRef('d.tenant_id', '=', 'l.tenant_id').onRef('d.id', '=', 'l.disclosure_id'),
    )
    .select(['d.id', 'd.title', 'd.state'])
    .where('l.tenant_id', '=', r.tenant_id)
    .where('l.request_id', '=', r.id)
    .execute();
}

/** Active units a request can be addressed to or transferred to (public form and staff forms). */
export async function addressableUnits(db: DbOrTx, tenantId: string, q?: string) {
  let query = db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .where('sphere', '!=', 'party');
  if (q?.trim()) query = query.where(containsText('name', q.trim()));
  return query.orderBy('path').limit(500).execute();
}
