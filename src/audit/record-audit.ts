import type { OpContext } from '../lib/context.ts';
import { newId } from '../lib/ids.ts';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** The unit the target belongs to; scopes who may read the entry. */
  unitId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit entry. Call it with the same ctx (hence the same transaction) as the write
 * it records: if the write rolls back, so does its audit entry, and vice versa.
 */
export async function recordAudit(ctx: OpContext, input: AuditInput): Promise<void> {
  if (!ctx.db.isTransaction) throw new Error('recordAudit must run inside the transaction of the write');
  await ctx.db
    .insertInto('audit_log')
    .values({
      tenant_id: ctx.actor.tenantId,
      id: newId(ctx.now.getTime()),
      at: ctx.now.toISOString(),
      actor_id: ctx.actor.personId,
      actor_name: ctx.actor.name,
      action: input.action,
      target_type: input.targetType,
      target_id: input.targetId ?? null,
      unit_id: input.unitId ?? null,
      summary: input.summary,
      before_json: input.before === undefined ? null : JSON.stringify(scrub(input.before)),
      after_json: input.after === undefined ? null : JSON.stringify(scrub(input.after)),
      request_id: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    })
    .execute();
}

const SECRET_KEYS = new Set(['password_hash', 'token_hash', 'csrf_token', 'password']);

/** Secrets never enter the audit log, not even hashed. */
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? '[redacted]' : scrub(v);
    return out;
  }
  return value;
}
