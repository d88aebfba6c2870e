import type { DbOrTx, RequestFilesTable } from '../db/types.ts';
import { storeAttachment, type UploadedFile } from '../disclosure/attachments.ts';
import type { OpContext } from '../lib/context.ts';
import { newId } from '../lib/ids.ts';
import type { InfoRequest } from './store.ts';

/** Files of a request (supplements, reply attachments, the disclosed part of Art. 37) in `files`. */
export async function attachRequestFile(
  tx: OpContext,
  r: InfoRequest,
  file: UploadedFile,
  role: RequestFilesTable['role'],
  limitBytes: number,
): Promise<RequestFilesTable> {
  const ref = await storeAttachment(tx, file, limitBytes);
  const row: RequestFilesTable = {
    tenant_id: r.tenant_id,
    id: newId(tx.now.getTime()),
    request_id: r.id,
    file_id: ref.fileId,
    role,
    name: ref.name,
    public: role === 'supplement' ? 0 : 1,
    created_at: tx.now.toISOString(),
  };
  await tx.db.insertInto('request_files').values(row).execute();
  return row;
}

export async function filesOf(db: DbOrTx, r: { tenant_id: string; id: string }, publicOnly = false) {
  let q = db
    .selectFrom('request_files')
    .selectAll()
    .where('tenant_id', '=', r.tenant_id)
    .where('request_id', '=', r.id);
  if (publicOnly) q = q.where('public', '=', 1);
  return q.orderBy('created_at').orderBy('id').execute();
}

export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;
