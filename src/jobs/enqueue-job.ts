import type { DbOrTx } from '../db/types.ts';
import { newId } from '../lib/ids.ts';
import { DEFAULT_MAX_ATTEMPTS } from './job.ts';

export interface EnqueueInput {
  tenantId: string;
  kind: string;
  payload: unknown;
  runAt: Date;
  /** At most one job per tenant ever carries this key: a second enqueue is a no-op. */
  dedupeKey?: string | null;
  maxAttempts?: number;
  /** Creation time; defaults to runAt (jobs are usually enqueued to run now). */
  now?: Date;
}

/**
 * Adds a job. Pass the caller's transaction as db so the job exists exactly when the change that
 * asked for it commits. With a dedupe key already taken nothing is written and created is false.
 */
export async function enqueueJob(db: DbOrTx, input: EnqueueInput): Promise<{ id: string; created: boolean }> {
  const id = newId((input.now ?? input.runAt).getTime());
  const dedupeKey = input.dedupeKey ?? null;
  const inserted = await db
    .insertInto('jobs')
    .values({
      tenant_id: input.tenantId,
      id,
      kind: input.kind,
      payload_json: JSON.stringify(input.payload ?? null),
      run_at: input.runAt.toISOString(),
      status: 'queued',
      attempts: 0,
      max_attempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      locked_by: null,
      locked_until: null,
      last_error: null,
      dedupe_key: dedupeKey,
      created_at: (input.now ?? input.runAt).toISOString(),
      finished_at: null,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('tenant_id', '=', input.tenantId)
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}
