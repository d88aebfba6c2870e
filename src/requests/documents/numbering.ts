import { sql } from 'kysely';
import type { DbOrTx } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';

/**
 * 文号: one sequence per unit and year for all of the unit's request documents (one register of
 * outgoing letters), printed through the unit's pattern, e.g. 青政信复〔{year}〕{seq}号.
 */
export const DEFAULT_NUMBER_PATTERN = '{unitName}信复〔{year}〕{seq}号';
export const NUMBER_PLACEHOLDERS = ['unitName', 'year', 'seq'] as const;

/** Why a pattern is unusable, as a message key, or null when it is fine. */
export function patternProblem(pattern: string): string | null {
  const names = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  if (names.some((n) => !(NUMBER_PLACEHOLDERS as readonly string[]).includes(n)))
    return 'request_docs.pattern_unknown';
  if (!names.includes('year') || !names.includes('seq')) return 'request_docs.pattern_incomplete';
  return null;
}

export function formatNumber(pattern: string, v: { unitName: string; year: number; seq: number }): string {
  return pattern
    .replaceAll('{unitName}', v.unitName)
    .replaceAll('{year}', String(v.year))
    .replaceAll('{seq}', String(v.seq));
}

export async function numberPattern(db: DbOrTx, tenantId: string, unitId: string): Promise<string> {
  const row = await db
    .selectFrom('request_document_numbering')
    .select('pattern')
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row?.pattern ?? DEFAULT_NUMBER_PATTERN;
}

/**
 * Takes the unit's next number for the year. Must run inside the transaction that records the
 * document: the upsert row-locks the counter until commit on PostgreSQL (a concurrent issuer
 * waits, then reads the committed value; two first-of-the-year inserts meet in ON CONFLICT), and
 * SQLite runs one write transaction at a time. A rollback returns the number, so the sequence has
 * no gaps; the unique key on request_documents (unit, year, seq) guards against any slip.
 */
export async function allocateNumber(
  tx: DbOrTx,
  tenantId: string,
  unitId: string,
  year: number,
): Promise<number> {
  if (!tx.isTransaction) throw new Error('allocateNumber must run inside the transaction of the document');
  const row = await tx
    .insertInto('request_document_sequences')
    .values({ tenant_id: tenantId, id: newId(), unit_id: unitId, year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'unit_id', 'year'])
        .doUpdateSet({ last_seq: sql<number>`request_document_sequences.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}
