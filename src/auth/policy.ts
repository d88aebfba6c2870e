import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { startsWith } from '../db/dialect.ts';
import type { RoleName, Sphere } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import type { Actor, EffectiveGrant } from './actor.ts';

/**
 * THE authorization module (ARCHITECTURE rule 2). Routes, API, CLI and jobs ask here whether an
 * actor may do something, and every list query takes its visibility filter from here.
 *
 * Model: a grant = (person, role, unit, covers subtree?). A grant covers a unit when it is on that
 * unit, or covers the subtree and the unit lies under it — and the spheres agree: a grant on a
 * party organisation never reaches government units and vice versa; only a grant on the region
 * root (sphere 'region') reaches both.
 */
export type Permission =
  | 'unit.view'
  | 'unit.manage'
  | 'person.view'
  | 'person.manage'
  | 'grant.manage'
  | 'audit.view'
  | 'admin.enter'
  // catalogs (公开目录): see, define guiding catalogs, edit a unit's own entries, claim "not applicable"
  | 'catalog.view'
  | 'catalog.manage'
  | 'catalog.edit_own'
  | 'catalog.exclude'
  // working-day calendar (工作日历): holiday arrangements are tenant-wide
  | 'calendar.manage'
  // obligations (公开义务): see, record events/decisions, record a manual fulfilment, settings + derivation
  | 'obligation.view'
  | 'obligation.record'
  | 'obligation.fulfil_manual'
  | 'obligation.manage'
  // disclosures (公开事项): 提出 → 审核 → 审批 → 发布, and reading non-public items in the back office
  | 'disclosure.draft'
  | 'disclosure.review'
  | 'disclosure.approve'
  | 'disclosure.publish'
  | 'disclosure.view_internal'
  // information requests (依申请公开): see the unit's requests with the applicant's personal data,
  // handle them, and the office's own steps (approve the extension, pre-check, Art. 44, settings)
  | 'request.view'
  | 'request.handle'
  | 'request.office'
  // engagement (src/engagement/): 意见建议/咨询/投诉 handling, 举报 only for discipline inspection
  | 'feedback.view'
  | 'feedback.handle'
  | 'feedback.office'
  | 'feedback.report'
  | 'consultation.manage'
  | 'demand.answer'
  | 'survey.manage'
  | 'survey.view';

const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  office: [
    'admin.enter',
    'unit.view',
    'unit.manage',
    'person.view',
    'person.manage',
    'grant.manage',
    'audit.view',
    'catalog.view',
    'catalog.manage',
    'catalog.edit_own',
    'catalog.exclude',
    'calendar.manage',
    'obligation.view',
    'obligation.record',
    'obligation.fulfil_manual',
    'obligation.manage',
    'disclosure.draft',
    'disclosure.review',
    'disclosure.approve',
    'disclosure.publish',
    'disclosure.view_internal',
    'request.view',
    'request.handle',
    'request.office',
    'feedback.view',
    'feedback.handle',
    'feedback.office',
    'consultation.manage',
    'demand.answer',
    'survey.manage',
    'survey.view',
  ],
  approver: [
    'admin.enter',
    'unit.view',
    'person.view',
    'catalog.view',
    'catalog.edit_own',
    'catalog.exclude',
    'obligation.view',
    'obligation.record',
    'disclosure.approve',
    'disclosure.view_internal',
    'request.view',
    'request.handle',
    'feedback.view',
    'feedback.handle',
    'consultation.manage',
    'demand.answer',
    'survey.view',
  ],
  reviewer: [
    'admin.enter',
    'unit.view',
    'person.view',
    'catalog.view',
    'obligation.view',
    'disclosure.review',
    'disclosure.view_internal',
    'feedback.view',
  ],
  publisher: [
    'admin.enter',
    'unit.view',
    'catalog.view',
    'catalog.edit_own',
    'obligation.view',
    'obligation.record',
    'disclosure.draft',
    'disclosure.publish',
    'disclosure.view_internal',
    'request.view',
    'request.handle',
    'feedback.view',
    'feedback.handle',
    'consultation.manage',
    'demand.answer',
  ],
  supervisor: ['admin.enter', 'unit.view', 'catalog.view', 'obligation.view'],
  inspector: [
    'admin.enter',
    'unit.view',
    'audit.view',
    'catalog.view',
    'obligation.view',
    'disclosure.view_internal',
    // 举报 (reports) reach the discipline-inspection role of the unit's region and nobody else
    'feedback.report',
    'survey.view',
  ],
  party_member: [],
};

export const ROLES: readonly RoleName[] = [
  'office',
  'approver',
  'reviewer',
  'publisher',
  'supervisor',
  'inspector',
  'party_member',
];

export interface UnitRef {
  id: string;
  path: string;
  sphere: Sphere;
  status?: 'active' | 'retired';
}

function spheresAgree(grantSphere: Sphere, unitSphere: Sphere): boolean {
  return grantSphere === 'region' || grantSphere === unitSphere;
}

export function grantCovers(g: EffectiveGrant, unit: UnitRef): boolean {
  if (!spheresAgree(g.unitSphere, unit.sphere)) return false;
  if (g.unitId === unit.id) return true;
  return g.coversSubtree && unit.path.startsWith(g.unitPath);
}

function grantsWith(actor: Actor, perm: Permission): EffectiveGrant[] {
  return actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(perm));
}

export function hasPermissionSomewhere(actor: Actor, perm: Permission): boolean {
  return actor.kind === 'system' || grantsWith(actor, perm).length > 0;
}

/** May the actor do `perm` on this unit? Managing a retired unit is never allowed. */
export function can(actor: Actor, perm: Permission, unit: UnitRef): boolean {
  if (actor.kind === 'system') return true;
  if (perm.endsWith('.manage') && unit.status === 'retired') return false;
  return grantsWith(actor, perm).some((g) => grantCovers(g, unit));
}

/** True when the actor's scope for perm is the whole tenant (a region-root subtree grant). */
export function coversWholeTenant(actor: Actor, perm: Permission): boolean {
  if (actor.kind === 'system') return true;
  return grantsWith(actor, perm).some(
    (g) => g.unitSphere === 'region' && g.coversSubtree && g.unitPath.split('/').length === 3,
  );
}

/**
 * Throws the right error when the actor may not act: a unit the actor cannot even see answers
 * "not found" (its existence is not revealed); one it can see but not change answers "forbidden".
 */
export function authorize(
  actor: Actor,
  perm: Permission,
  unit: UnitRef,
  notFoundCode = 'unit.not_found',
): void {
  if (can(actor, perm, unit)) return;
  if (actor.kind === 'anonymous') throw new AppError('auth.required');
  const viewPerm = `${perm.split('.')[0]}.view` as Permission;
  if (perm !== viewPerm && can(actor, viewPerm, unit)) throw new AppError('auth.forbidden');
  throw new AppError(notFoundCode);
}

export function requirePermission(actor: Actor, perm: Permission): void {
  if (hasPermissionSomewhere(actor, perm)) return;
  if (actor.kind === 'anonymous') throw new AppError('auth.required');
  throw new AppError('auth.forbidden');
}

/**
 * Visibility filter on a units table alias: the units on which the actor holds `perm`.
 * Use it in every list query (pages, API, exports) instead of ad hoc role checks.
 */
export function unitVisibility(actor: Actor, perm: Permission, alias = 'u'): RawBuilder<SqlBool> {
  if (actor.kind === 'system') return sql<SqlBool>`1 = 1`;
  return grantsReach(grantsWith(actor, perm), alias);
}

/** SQL form of grantCovers: the units (table alias) that at least one of these grants covers. */
function grantsReach(grants: EffectiveGrant[], alias: string): RawBuilder<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const clauses = grants.map((g) => {
    const sphereOk = g.unitSphere === 'region' ? sql`1 = 1` : sql`${col('sphere')} = ${g.unitSphere}`;
    const reach = g.coversSubtree ? startsWith(`${alias}.path`, g.unitPath) : sql`${col('id')} = ${g.unitId}`;
    return sql<SqlBool>`(${reach} and ${sphereOk})`;
  });
  if (clauses.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(clauses, sql` or `)})`;
}

/**
 * Audit entries about a 举报 (target type 'feedback_report') are sealed: besides the inspectors
 * covering the unit (feedback.report), nobody reads them — not even a county-wide audit.view
 * holder, since the entry alone reveals that a unit was reported and when. The SQL filter for the
 * audit log's rows (target type column, units table alias of the entry's unit).
 */
export function sealedAuditVisibility(
  actor: Actor,
  targetTypeColumn: string,
  unitAlias: string,
): RawBuilder<SqlBool> {
  if (actor.kind === 'system') return sql<SqlBool>`1 = 1`;
  const reach = grantsReach(grantsWith(actor, 'feedback.report'), unitAlias);
  return sql<SqlBool>`(${sql.ref(targetTypeColumn)} <> 'feedback_report' or ${reach})`;
}

/** Roles an actor may grant on a unit: everything, if it manages grants there. */
export function canGrantOn(actor: Actor, unit: UnitRef): boolean {
  return can(actor, 'grant.manage', unit);
}

/**
 * Visibility filter for personal records (a person's notifications): only their owner sees them,
 * whatever grants anyone holds — not even the system actor lists someone's inbox through this.
 */
export function ownRecordVisibility(actor: Actor, column = 'person_id'): RawBuilder<SqlBool> {
  if (actor.kind !== 'person' || !actor.personId) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} = ${actor.personId}`;
}

/**
 * May the actor read a published disclosure with this audience (社会公开 / 党内公开 / 本单位 /
 * 特定对象) of this unit? Back-office people holding disclosure.view_internal on the unit see all;
 * otherwise 党内公开 needs a party_member grant covering the unit, 本单位 any grant covering the
 * unit, and 特定对象 is never shown to the public. Callers answer "not found" when this is false.
 */
export function canSeeAudience(actor: Actor, audience: string, unit: UnitRef): boolean {
  if (audience === 'public') return true;
  if (can(actor, 'disclosure.view_internal', unit)) return true;
  if (actor.kind !== 'person') return false;
  if (audience === 'partyInternal')
    return actor.grants.some((g) => g.role === 'party_member' && grantCovers(g, unit));
  if (audience === 'unitInternal') return actor.grants.some((g) => grantCovers(g, unit));
  return false;
}

/**
 * The SQL form of canSeeAudience, for every public list (portal pages, search, feeds, API): rows
 * whose audience column (e.g. 'd.audience') the actor may read, given the unit table alias the
 * rows belong to (it needs id, path, sphere). Anonymous visitors get 社会公开 only; 党内公开 needs
 * a party_member grant covering the unit, 本单位 any grant covering it; disclosure.view_internal
 * holders see every audience of their units; 特定对象 is never listed to anyone else.
 */
export function audienceVisibility(
  actor: Actor,
  unitAlias: string,
  audienceColumn: string,
): RawBuilder<SqlBool> {
  if (actor.kind === 'system') return sql<SqlBool>`1 = 1`;
  const aud = sql.ref(audienceColumn);
  const clauses: RawBuilder<SqlBool>[] = [sql<SqlBool>`${aud} = 'public'`];
  if (actor.kind === 'person') {
    const internal = grantsWith(actor, 'disclosure.view_internal');
    if (internal.length > 0) clauses.push(grantsReach(internal, unitAlias));
    const party = actor.grants.filter((g) => g.role === 'party_member');
    if (party.length > 0)
      clauses.push(sql<SqlBool>`(${aud} = 'partyInternal' and ${grantsReach(party, unitAlias)})`);
    if (actor.grants.length > 0)
      clauses.push(sql<SqlBool>`(${aud} = 'unitInternal' and ${grantsReach(actor.grants, unitAlias)})`);
  }
  return sql<SqlBool>`(${sql.join(clauses, sql` or `)})`;
}

/**
 * Whether audienceVisibility(actor, …) refers to the unit alias at all. Without grants the audience
 * alone decides (社会公开 only), so a count over many rows may skip joining units.
 */
export function audienceDependsOnUnit(actor: Actor): boolean {
  return actor.kind === 'person' && actor.grants.length > 0;
}
