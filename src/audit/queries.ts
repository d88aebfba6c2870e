import type { Actor } from '../auth/actor.ts';
import { coversWholeTenant, sealedAuditVisibility, unitVisibility } from '../auth/policy.ts';
import { containsText } from '../db/dialect.ts';
import type { DbOrTx } from '../db/types.ts';

export interface AuditFilter {
  action?: string;
  actor?: string;
  targetId?: string;
  unitId?: string;
  q?: string;
  /** YYYY-MM-DD, China time, inclusive */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Converts a China-time calendar day to the UTC instant it starts at. */
function dayStartUtc(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/**
 * Audit entries the actor may read: those about units in its audit.view scope; entries with no
 * unit (tenant-level) only for a whole-tenant office. Newest first.
 */
export async function listAudit(db: DbOrTx, actor: Actor, f: AuditFilter = {}) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('units as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.unit_id'))
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'a.actor_name',
      'a.action',
      'a.target_type',
      'a.target_id',
      'a.unit_id',
      'a.summary',
      'a.before_json',
      'a.after_json',
      'a.request_id',
      'a.ip',
      'u.name as unit_name',
    ])
    .where('a.tenant_id', '=', actor.tenantId);
  if (!coversWholeTenant(actor, 'audit.view'))
    q = q.where((eb) => eb.and([eb('a.unit_id', 'is not', null), unitVisibility(actor, 'audit.view', 'u')]));
  q = q.where(sealedAuditVisibility(actor, 'a.target_type', 'u'));
  if (f.action) q = q.where('a.action', 'like', `${f.action.replace(/[%_\\]/g, '')}%`);
  if (f.actor) {
    const needle = f.actor;
    q = q.where(containsText('a.actor_name', needle));
  }
  if (f.targetId) q = q.where('a.target_id', '=', f.targetId);
  if (f.unitId) q = q.where('a.unit_id', '=', f.unitId);
  if (f.q) {
    const needle = f.q;
    q = q.where(containsText('a.summary', needle));
  }
  if (f.from) q = q.where('a.at', '>=', dayStartUtc(f.from));
  if (f.to)
    q = q.where('a.at', '<', new Date(new Date(dayStartUtc(f.to)).getTime() + 86400_000).toISOString());
  return q
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
