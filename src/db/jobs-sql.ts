import { type Selectable, sql } from 'kysely';
import { dialectOf } from './dialect.ts';
import type { DbOrTx, JobsTable } from './types.ts';

export type JobRow = Selectable<JobsTable>;

export interface ClaimSpec {
  workerId: string;
  /** ISO instants: due work is run_at <= now; the claim holds until lockedUntil. */
  now: string;
  lockedUntil: string;
  limit: number;
  /** Only kinds this process can run (a rolling deploy may see kinds it does not know yet). */
  kinds: readonly string[];
}

/**
 * The job claim, the one statement in the jobs module that differs by dialect. Due work is a
 * queued job whose run_at has come, or a running job whose lock expired (its worker died) and
 * that still has attempts left. The claimed rows are marked running, stamped with the worker and
 * lock, and counted as an attempt, all in one statement, so no two workers get the same job.
 *
 * PostgreSQL: the due rows are picked with FOR UPDATE SKIP LOCKED in a MATERIALIZED CTE (so the
 * LIMIT subquery runs exactly once; an `IN (subquery … LIMIT)` can be re-planned into a join that
 * re-evaluates it), and concurrent claimers skip each other's rows instead of waiting.
 * SQLite: a single UPDATE … RETURNING is atomic and SQLite admits one writer at a time
 * (busy_timeout makes a second process wait), so the plain subquery is enough.
 */
export async function claimDueJobs(db: DbOrTx, spec: ClaimSpec): Promise<JobRow[]> {
  if (spec.kinds.length === 0 || spec.limit < 1) return [];
  const kinds = sql.join(spec.kinds.map((k) => sql`${k}`));
  const due = sql`kind in (${kinds}) and (
      (status = 'queued' and run_at <= ${spec.now})
      or (status = 'running' and locked_until < ${spec.now} and attempts < max_attempts))`;
  const set = sql`status = 'running', locked_by = ${spec.workerId}, locked_until = ${spec.lockedUntil}`;
  if (dialectOf(db) === 'postgres') {
    const r = await sql<JobRow>`
      with due as materialized (
        select tenant_id, id from jobs where ${due}
        order by run_at, id limit ${spec.limit}
        for update skip locked)
      update jobs as j set ${set}, attempts = j.attempts + 1
      from due where j.tenant_id = due.tenant_id and j.id = due.id
      returning j.*`.execute(db);
    return sortByRunAt(r.rows);
  }
  const r = await sql<JobRow>`
    update jobs set ${set}, attempts = attempts + 1
    where (tenant_id, id) in (
      select tenant_id, id from jobs where ${due} order by run_at, id limit ${spec.limit})
    returning *`.execute(db);
  return sortByRunAt(r.rows);
}

/** RETURNING gives no order guarantee on either dialect. */
function sortByRunAt(rows: JobRow[]): JobRow[] {
  return rows.sort((a, b) => (a.run_at === b.run_at ? cmp(a.id, b.id) : cmp(a.run_at, b.run_at)));
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
