import type { Actor } from '../auth/actor.ts';
import { type Permission, unitVisibility } from '../auth/policy.ts';
import { containsText } from '../db/dialect.ts';
import type { DbOrTx, Unit } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';

export function toUnitView(u: Unit) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    sphere: u.sphere,
    parentId: u.parent_id,
    depth: u.depth,
    adminCode: u.admin_code,
    hostUnitId: u.host_unit_id,
    contactPhone: u.contact_phone,
    address: u.address,
    status: u.status,
    retiredAt: u.retired_at,
    retireReason: u.retire_reason,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  };
}

export async function findUnit(db: DbOrTx, tenantId: string, id: string): Promise<Unit | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findUnitByCode(db: DbOrTx, tenantId: string, code: string): Promise<Unit | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** A unit the actor may see (perm), or unit.not_found — existence is not revealed otherwise. */
export async function getVisibleUnit(
  db: DbOrTx,
  actor: Actor,
  id: string,
  perm: Permission = 'unit.view',
): Promise<Unit> {
  const unit = await db
    .selectFrom('units as u')
    .selectAll('u')
    .where('u.tenant_id', '=', actor.tenantId)
    .where('u.id', '=', id)
    .where(unitVisibility(actor, perm, 'u'))
    .executeTakeFirst();
  if (!unit) throw new AppError('unit.not_found');
  return unit;
}

export interface UnitListFilter {
  q?: string;
  kind?: string;
  status?: 'active' | 'retired' | 'all';
  parentId?: string;
  /** Only these units (e.g. the ancestors named by a path). */
  ids?: string[];
}

/** Every unit the actor may see, in tree order (path). */
export async function listVisibleUnits(
  db: DbOrTx,
  actor: Actor,
  filter: UnitListFilter = {},
): Promise<Unit[]> {
  let q = db
    .selectFrom('units as u')
    .selectAll('u')
    .where('u.tenant_id', '=', actor.tenantId)
    .where(unitVisibility(actor, 'unit.view', 'u'));
  const status = filter.status ?? 'active';
  if (status !== 'all') q = q.where('u.status', '=', status);
  if (filter.kind) q = q.where('u.kind', '=', filter.kind as Unit['kind']);
  if (filter.parentId) q = q.where('u.parent_id', '=', filter.parentId);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('u.id', 'in', filter.ids);
  }
  if (filter.q) {
    const needle = filter.q;
    q = q.where((eb) => eb.or([containsText('u.name', needle), containsText('u.code', needle)]));
  }
  return q.orderBy('u.depth').orderBy('u.sort_order').orderBy('u.code').execute();
}

export async function countActiveChildren(db: DbOrTx, tenantId: string, unitId: string): Promise<number> {
  const r = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', unitId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface TreeNode {
  unit: Unit;
  children: TreeNode[];
}

/** Builds a forest from units sorted by depth; nodes whose parent is not visible become roots. */
export function buildTree(units: Unit[]): TreeNode[] {
  const byId = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const u of units) byId.set(u.id, { unit: u, children: [] });
  for (const u of units) {
    const node = byId.get(u.id)!;
    const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
