import type { JobRow } from '../db/jobs-sql.ts';

/** A job as the application sees it: the row with its payload parsed. */
export interface Job {
  tenantId: string;
  id: string;
  kind: string;
  payload: unknown;
  runAt: string;
  status: JobRow['status'];
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export function toJob(r: JobRow): Job {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    kind: r.kind,
    payload: JSON.parse(r.payload_json),
    runAt: r.run_at,
    status: r.status,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    lockedBy: r.locked_by,
    lockedUntil: r.locked_until,
    lastError: r.last_error,
    dedupeKey: r.dedupe_key,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

export const DEFAULT_MAX_ATTEMPTS = 5;
/** How long a claim holds before another worker may take the job over. */
export const DEFAULT_LOCK_MS = 5 * 60_000;
