import type { Actor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/types.ts';

/**
 * What every operation receives (ARCHITECTURE rule 1): the database (pool or open transaction),
 * who acts, in which tenant, and the time. `now` is an input so tests pin it.
 */
export interface OpContext {
  db: DbOrTx;
  actor: Actor;
  now: Date;
  requestId?: string;
  ip?: string;
  /**
   * Whether email can go out (SMTP configured) and the public address links start with — set for
   * requests from the server's config; absent (no email) in jobs and the CLI unless they pass it.
   */
  mail?: { mailEnabled: boolean; publicUrl: string | null };
}

/** Runs fn in a transaction, joining the caller's if one is already open. */
export async function inTransaction<T>(ctx: OpContext, fn: (tx: OpContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

export function iso(d: Date): string {
  return d.toISOString();
}
