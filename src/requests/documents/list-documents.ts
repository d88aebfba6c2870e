import type { DbOrTx } from '../../db/types.ts';
import { isId } from '../../lib/ids.ts';
import type { DocumentKind } from './kinds.ts';

export interface RequestDocument {
  id: string;
  requestId: string;
  unitId: string;
  kind: DocumentKind;
  number: string;
  title: string;
  fileId: string;
  issuedAt: string;
}

/**
 * The documents issued for a request, oldest first. No authorization here: callers have already
 * resolved the request through their own visibility rule (staff: request.view on its unit; the
 * applicant: tracking code and secret).
 */
export async function listDocuments(
  db: DbOrTx,
  tenantId: string,
  requestId: string,
): Promise<RequestDocument[]> {
  if (!isId(requestId)) return [];
  const rows = await db
    .selectFrom('request_documents')
    .select(['id', 'request_id', 'unit_id', 'kind', 'number', 'title', 'file_id', 'issued_at'])
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    unitId: r.unit_id,
    kind: r.kind as DocumentKind,
    number: r.number,
    title: r.title,
    fileId: r.file_id,
    issuedAt: r.issued_at,
  }));
}

/** The PDF of an issued document, with the request it belongs to (for the caller's access check). */
export async function documentPdf(
  db: DbOrTx,
  tenantId: string,
  documentId: string,
): Promise<{ requestId: string; unitId: string; fileName: string; bytes: Buffer } | undefined> {
  if (!isId(documentId)) return undefined;
  const row = await db
    .selectFrom('request_documents as d')
    .innerJoin('files as f', (j) =>
      j.onRef('f.tenant_id', '=', 'd.tenant_id').onRef('f.id', '=', 'd.file_id'),
    )
    .select(['d.request_id', 'd.unit_id', 'f.name', 'f.content_b64'])
    .where('d.tenant_id', '=', tenantId)
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    requestId: row.request_id,
    unitId: row.unit_id,
    fileName: row.name,
    bytes: Buffer.from(row.content_b64, 'base64'),
  };
}
