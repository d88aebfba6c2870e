import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { unitVisibility } from '../../auth/policy.ts';
import type { DbOrTx, Unit } from '../../db/types.ts';
import type { DemandStatus } from '../../db/types-engagement.ts';
import { customPatterns } from '../../privacy/pattern-store.ts';
import { maskPersonalData } from '../../privacy/privacy-guard.ts';
import { type Demand, type DemandAnswer, PUBLIC_STATUSES } from './store.ts';

/** Reads of 点单式公开: the public lists and counts, and the back office's scoped lists. */

export interface DemandListItem {
  id: string;
  title: string;
  status: DemandStatus;
  supportCount: number;
  submittedAt: string;
  answeredAt: string | null;
  unitCode: string;
  unitName: string;
  answerKind: string | null;
}

export interface PublicFilter {
  unitId?: string;
  status?: 'open' | 'answered';
  sort?: 'support' | 'newest';
  page: number;
  pageSize: number;
}

function base(db: DbOrTx) {
  return db
    .selectFrom('demands as m')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.unit_id'),
    )
    .leftJoin('demand_answers as a', (j) =>
      j.onRef('a.tenant_id', '=', 'm.tenant_id').onRef('a.demand_id', '=', 'm.id'),
    );
}

const COLUMNS = [
  'm.id',
  'm.title',
  'm.status',
  'm.support_count as supportCount',
  'm.submitted_at as submittedAt',
  'm.answered_at as answeredAt',
  'u.code as unitCode',
  'u.name as unitName',
  'a.kind as answerKind',
] as const;

/**
 * The public list: open and answered demands only (held and rejected never), titles masked by the
 * privacy guard. Sorted by support count (default) or newest first.
 */
export async function listPublicDemands(
  db: DbOrTx,
  tenantId: string,
  f: PublicFilter,
): Promise<{ items: DemandListItem[]; total: number }> {
  let q = base(db)
    .where('m.tenant_id', '=', tenantId)
    .where('m.status', 'in', [...PUBLIC_STATUSES]);
  if (f.unitId) q = q.where('m.unit_id', '=', f.unitId);
  if (f.status) q = q.where('m.status', '=', f.status);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  let list = q.select([...COLUMNS]);
  list =
    f.sort === 'newest'
      ? list.orderBy('m.submitted_at', 'desc')
      : list.orderBy('m.support_count', 'desc').orderBy('m.submitted_at', 'desc');
  const rows = await list
    .orderBy('m.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const mask = await publicMasker(db, tenantId);
  return {
    items: rows.map((r) => ({ ...r, title: mask(r.title), supportCount: Number(r.supportCount) })),
    total: Number(total?.n ?? 0),
  };
}

export interface UnitDemandCounts {
  open: number;
  answered: number;
  supports: number;
}

/** Public counts of a unit: open and answered demands, and the supports they gathered. */
export async function unitDemandCounts(db: DbOrTx, unit: Unit): Promise<UnitDemandCounts> {
  const rows = await db
    .selectFrom('demands')
    .select([
      'status',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('support_count').as('s'),
    ])
    .where('tenant_id', '=', unit.tenant_id)
    .where('unit_id', '=', unit.id)
    .where('status', 'in', [...PUBLIC_STATUSES])
    .groupBy('status')
    .execute();
  const out: UnitDemandCounts = { open: 0, answered: 0, supports: 0 };
  for (const r of rows) {
    if (r.status === 'open') out.open = Number(r.n);
    if (r.status === 'answered') out.answered = Number(r.n);
    out.supports += Number(r.s ?? 0);
  }
  return out;
}

/** The privacy guard with the region's own patterns, for anything the public wrote. */
export async function publicMasker(db: DbOrTx, tenantId: string): Promise<(text: string) => string> {
  const custom = await customPatterns(db, tenantId);
  return (text) => maskPersonalData(text, custom).text;
}

export interface StaffFilter {
  status?: DemandStatus;
  unitId?: string;
}

/** The back-office list: demands of the units the actor answers for (demand.answer), held first. */
export async function listStaffDemands(
  db: DbOrTx,
  actor: Actor,
  f: StaffFilter,
): Promise<(DemandListItem & { heldWords: string | null })[]> {
  let q = base(db)
    .where('m.tenant_id', '=', actor.tenantId)
    .where(unitVisibility(actor, 'demand.answer', 'u'));
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.unitId) q = q.where('m.unit_id', '=', f.unitId);
  const rows = await q
    .select([...COLUMNS, 'm.held_words as heldWords'])
    .orderBy(sql`case m.status when 'held' then 0 when 'open' then 1 else 2 end`)
    .orderBy('m.support_count', 'desc')
    .orderBy('m.submitted_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, supportCount: Number(r.supportCount) }));
}

/** How many demands wait for moderation in the actor's units (for the menu and dashboard). */
export async function heldCount(db: DbOrTx, actor: Actor): Promise<number> {
  const r = await db
    .selectFrom('demands as m')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.unit_id'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.tenant_id', '=', actor.tenantId)
    .where('m.status', '=', 'held')
    .where(unitVisibility(actor, 'demand.answer', 'u') as RawBuilder<SqlBool>)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export interface AnswerLinks {
  entry: { id: string; item: string; level1: string; level2: string | null } | null;
  disclosure: { id: string; title: string } | null;
}

/** What an answer points to, for display: the new catalog entry or the linked disclosure. */
export async function answerLinks(db: DbOrTx, a: DemandAnswer): Promise<AnswerLinks> {
  const entry = a.catalog_entry_id
    ? ((await db
        .selectFrom('catalog_entries')
        .select(['id', 'item', 'level1', 'level2'])
        .where('tenant_id', '=', a.tenant_id)
        .where('id', '=', a.catalog_entry_id)
        .executeTakeFirst()) ?? null)
    : null;
  const disclosure = a.disclosure_id
    ? ((await db
        .selectFrom('disclosures')
        .select(['id', 'title', 'state', 'audience'])
        .where('tenant_id', '=', a.tenant_id)
        .where('id', '=', a.disclosure_id)
        .executeTakeFirst()) ?? null)
    : null;
  // Linked only while it is published to everyone: a revoked or narrowed disclosure is not shown
  // (the answer's own text stays).
  const shown = disclosure?.state === 'published' && disclosure.audience === 'public';
  return { entry, disclosure: disclosure && shown ? { id: disclosure.id, title: disclosure.title } : null };
}

/** The answer as the public sees it: the staff's explanation masked like the public's text. */
export function maskedAnswer(a: DemandAnswer, mask: (s: string) => string): DemandAnswer {
  return { ...a, explanation: a.explanation ? mask(a.explanation) : a.explanation };
}

/** A demand as the public sees it: title and description masked, contact never included. */
export function maskedDemand(d: Demand, mask: (s: string) => string) {
  return {
    id: d.id,
    title: mask(d.title),
    description: mask(d.description),
    status: d.status,
    supportCount: d.support_count,
    submittedAt: d.submitted_at,
    answeredAt: d.answered_at,
  };
}
export type MaskedDemand = ReturnType<typeof maskedDemand>;
