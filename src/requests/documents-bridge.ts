import type { DbOrTx } from '../db/types.ts';
import type { OpContext } from '../lib/context.ts';
import { type DocumentKind, issueDocument, listDocuments, documentPdf as pdfOf } from './documents/index.ts';
import type { InfoRequest } from './store.ts';

/**
 * The workflow's use of the numbered documents (src/requests/documents/): a step issues its
 * document in the step's own transaction (a failed step returns the number) and records the
 * document's id and 文号 on its trail entry.
 */
export async function issueStepDocument(
  tx: OpContext,
  r: InfoRequest,
  kind: DocumentKind,
  fields: Record<string, string>,
): Promise<{ documentId?: string; documentNumber?: string }> {
  const doc = await issueDocument(tx, { requestId: r.id, unitId: r.unit_id, kind, fields });
  return { documentId: doc.id, documentNumber: doc.number };
}

/** Documents addressed to someone else (the consulted third party) are not the applicant's to see. */
const NOT_FOR_APPLICANT: readonly DocumentKind[] = ['third_party_consultation'];

/** The documents issued for a request (title + 文号, kind), oldest first; `applicant`: the tracking page's. */
export async function documentsOf(
  db: DbOrTx,
  r: { tenant_id: string; id: string },
  applicant = false,
): Promise<{ id: string; number: string; kind: string }[]> {
  return (await listDocuments(db, r.tenant_id, r.id))
    .filter((d) => !applicant || !NOT_FOR_APPLICANT.includes(d.kind))
    .map((d) => ({ id: d.id, number: `${d.title}（${d.number}）`, kind: d.kind }));
}

/** A document's PDF, or null when it is not one of this request's (or not the applicant's to see). */
export async function documentPdf(
  db: DbOrTx,
  r: { tenant_id: string; id: string },
  documentId: string,
  applicant = false,
): Promise<{ name: string; bytes: Buffer } | null> {
  if (!(await documentsOf(db, r, applicant)).some((d) => d.id === documentId)) return null;
  const doc = await pdfOf(db, r.tenant_id, documentId);
  if (!doc || doc.requestId !== r.id) return null;
  return { name: doc.fileName, bytes: doc.bytes };
}
