import type { DbOrTx } from '../../db/types.ts';
import { DEFAULT_TEMPLATES, type DocumentTemplate } from './default-templates.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './kinds.ts';

/** A template as used: the office's saved copy, or the shipped default (version 0). */
export interface EffectiveTemplate extends DocumentTemplate {
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

const shipped = (kind: DocumentKind): EffectiveTemplate => ({
  ...DEFAULT_TEMPLATES[kind],
  version: 0,
  updatedAt: null,
  updatedBy: null,
});

export async function getTemplate(
  db: DbOrTx,
  tenantId: string,
  kind: DocumentKind,
): Promise<EffectiveTemplate> {
  const row = await db
    .selectFrom('request_document_templates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!row) return shipped(kind);
  return {
    kind,
    title: row.title,
    numberLine: row.number_line,
    addressee: row.addressee,
    body: row.body,
    signature: row.signature,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function listTemplates(db: DbOrTx, tenantId: string): Promise<EffectiveTemplate[]> {
  return Promise.all(DOCUMENT_KINDS.map((k) => getTemplate(db, tenantId, k)));
}
