import type { DbOrTx, PrivacyPatternsTable } from '../db/types.ts';
import type { CustomPattern } from './privacy-guard.ts';

export type PrivacyPattern = PrivacyPatternsTable;

/** The tenant's privacy patterns, by name. */
export function listPrivacyPatterns(db: DbOrTx, tenantId: string): Promise<PrivacyPattern[]> {
  return db
    .selectFrom('privacy_patterns')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The office's extra patterns as the privacy guard takes them (scanText's `custom`). */
export async function customPatterns(db: DbOrTx, tenantId: string): Promise<CustomPattern[]> {
  return (await listPrivacyPatterns(db, tenantId)).map((p) => ({ name: p.name, pattern: p.pattern }));
}
