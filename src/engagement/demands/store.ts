import type { Actor } from '../../auth/actor.ts';
import { can } from '../../auth/policy.ts';
import type { DbOrTx, Unit } from '../../db/types.ts';
import type { DemandAnswersTable, DemandsTable } from '../../db/types-engagement.ts';
import { AppError } from '../../lib/errors.ts';
import { normaliseForMatch } from '../sensitive-words.ts';

/** Rows and lookups shared by the operations of 点单式公开. */
export type Demand = DemandsTable;
export type DemandAnswer = DemandAnswersTable;

/** Public states: held and rejected demands are never shown to the public (they answer 404). */
export const PUBLIC_STATUSES = ['open', 'answered'] as const;

/** The title as matched for duplicates: the sensitive-word matcher's normal form. */
export function titleKey(title: string): string {
  return normaliseForMatch(title).slice(0, 200);
}

export async function findDemand(db: DbOrTx, tenantId: string, id: string): Promise<Demand | undefined> {
  return db
    .selectFrom('demands')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function demandUnit(db: DbOrTx, d: Demand): Promise<Unit> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', d.tenant_id)
    .where('id', '=', d.unit_id)
    .executeTakeFirstOrThrow();
}

export function isPublic(d: Demand): boolean {
  return d.status === 'open' || d.status === 'answered';
}

/**
 * A demand the actor may see: public ones for everybody; held and rejected ones only for those who
 * answer demands of its unit (demand.answer). Anything else is "not found".
 */
export async function visibleDemand(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ demand: Demand; unit: Unit }> {
  const demand = await findDemand(db, actor.tenantId, id);
  if (!demand) throw new AppError('demand.not_found');
  const unit = await demandUnit(db, demand);
  if (!isPublic(demand) && !can(actor, 'demand.answer', unit)) throw new AppError('demand.not_found');
  return { demand, unit };
}

/** A demand the actor may act on as its unit (demand.answer): 404 when unseen, 403 when only public. */
export async function demandToHandle(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ demand: Demand; unit: Unit }> {
  const found = await visibleDemand(db, actor, id);
  if (!can(actor, 'demand.answer', found.unit)) {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    throw new AppError('auth.forbidden');
  }
  return found;
}

export async function answerOf(db: DbOrTx, d: Demand): Promise<DemandAnswer | undefined> {
  return db
    .selectFrom('demand_answers')
    .selectAll()
    .where('tenant_id', '=', d.tenant_id)
    .where('demand_id', '=', d.id)
    .executeTakeFirst();
}

/** 'p:<person>' for signed-in people, 'd:<device>' for anonymous visitors: one support each. */
export function supporterKey(actor: Actor, device: string | null): string {
  if (actor.kind === 'person' && actor.personId) return `p:${actor.personId}`;
  if (!device) throw new AppError('demand.device_required');
  return `d:${device}`;
}
