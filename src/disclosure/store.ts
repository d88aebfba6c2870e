import { recordAudit } from '../audit/record-audit.ts';
import type { Permission } from '../auth/policy.ts';
import { can, type UnitRef } from '../auth/policy.ts';
import { chinaDate } from '../calendar/dates.ts';
import type { DbOrTx, DisclosureState, DisclosuresTable, Unit } from '../db/types.ts';
import type { FileType } from '../documents/sniff.ts';
import type { OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { isId, newId } from '../lib/ids.ts';

/** Shared plumbing of the disclosure operations: loading, the step guard, the trail. */
export type Disclosure = DisclosuresTable;
export interface AttachmentRef {
  fileId: string;
  name: string;
  sha256: string;
  size: number;
  type: FileType;
}
export interface LoadedDisclosure {
  d: Disclosure;
  unit: Unit;
}

export function attachmentsOf(json: string): AttachmentRef[] {
  return JSON.parse(json) as AttachmentRef[];
}

export async function findDisclosure(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<LoadedDisclosure | undefined> {
  if (!isId(id)) return undefined;
  const d = await db
    .selectFrom('disclosures')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!d) return undefined;
  const unit = await db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', d.unit_id)
    .executeTakeFirstOrThrow();
  return { d, unit };
}

/**
 * Loads a disclosure for a workflow step: unseen (no disclosure.view_internal on its unit) answers
 * not found, seen but not permitted answers forbidden, wrong state answers a conflict.
 */
export async function loadForStep(
  ctx: OpContext,
  id: string,
  perms: Permission | Permission[],
  states: DisclosureState[],
): Promise<LoadedDisclosure> {
  const found = await findDisclosure(ctx.db, ctx.actor.tenantId, id);
  if (!found || !can(ctx.actor, 'disclosure.view_internal', found.unit))
    throw new AppError('disclosure.not_found');
  const list = Array.isArray(perms) ? perms : [perms];
  if (!list.some((p) => can(ctx.actor, p, found.unit))) throw new AppError('auth.forbidden');
  if (!states.includes(found.d.state))
    throw new AppError('disclosure.wrong_state', { status: 409, params: { state: found.d.state } });
  return found;
}

export async function updateDisclosure(
  ctx: OpContext,
  d: Disclosure,
  change: Partial<Disclosure>,
): Promise<Disclosure> {
  const next = { ...change, updated_at: ctx.now.toISOString() };
  await ctx.db
    .updateTable('disclosures')
    .set(next)
    .where('tenant_id', '=', d.tenant_id)
    .where('id', '=', d.id)
    .execute();
  return { ...d, ...next };
}

/** One entry of the workflow trail and its audit record, in the caller's transaction. */
export async function recordStep(
  ctx: OpContext,
  d: Disclosure,
  step: {
    action: string;
    summary: string;
    reason?: string | null;
    before?: unknown;
    after?: unknown;
    /** Kept on the trail row as JSON (e.g. the finding kinds of a privacy override). */
    detail?: unknown;
  },
): Promise<void> {
  await ctx.db
    .insertInto('disclosure_events')
    .values({
      tenant_id: d.tenant_id,
      id: newId(ctx.now.getTime()),
      disclosure_id: d.id,
      action: step.action,
      actor_id: ctx.actor.personId,
      actor_name: ctx.actor.name,
      at: ctx.now.toISOString(),
      reason: step.reason ?? null,
      detail: step.detail === undefined ? null : JSON.stringify(step.detail),
    })
    .execute();
  await recordAudit(ctx, {
    action: `disclosure.${step.action}`,
    targetType: 'disclosure',
    targetId: d.id,
    unitId: d.unit_id,
    summary: `${step.summary}：${d.title}`,
    before: step.before,
    after:
      step.after ??
      (step.reason || step.detail !== undefined ? { reason: step.reason, detail: step.detail } : undefined),
  });
}

export function unitRef(u: Unit): UnitRef {
  return { id: u.id, path: u.path, sphere: u.sphere, status: u.status };
}

/** The China date of an instant (one definition, in src/calendar/dates.ts). */
export { chinaDate };

/** The workflow columns of a brand-new draft: drafted by the actor now, every later step empty. */
export function newDraftTrail(ctx: OpContext) {
  const at = ctx.now.toISOString();
  return {
    attachments: '[]',
    privacy_override_reason: null,
    current_version_id: null,
    drafted_by: ctx.actor.personId,
    drafted_at: at,
    submitted_by: null,
    submitted_at: null,
    reviewed_by: null,
    reviewed_at: null,
    approved_by: null,
    approved_at: null,
    published_by: null,
    published_at: null,
    returned_reason: null,
    returned_by: null,
    returned_at: null,
    revoked_reason: null,
    revoked_by: null,
    revoked_at: null,
    created_at: at,
    updated_at: at,
  } satisfies Partial<Disclosure>;
}
