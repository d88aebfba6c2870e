import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbOrTx } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';

/** The text of a PDF as pdftotext (poppler) extracts it: what a reader's copy-and-paste gets. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext breaks lines where the page does: compare without whitespace. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** A minimal received request of a unit, for document tests (the workflow has its own factories). */
export async function insertTestRequest(
  db: DbOrTx,
  tenantId: string,
  unitId: string,
  over: {
    applicantName?: string;
    receivedOn?: string | null;
    description?: string;
    applicantKind?: string;
    closedOn?: string | null;
    outcomeKey?: string | null;
  } = {},
): Promise<string> {
  const id = newId();
  const at = '2026-03-02T02:00:00.000Z';
  await db
    .insertInto('requests')
    .values({
      tenant_id: tenantId,
      id,
      unit_id: unitId,
      tracking_code: `T${id.slice(-10)}`,
      secret_hash: 'x',
      channel: 'in_person',
      submitted_at: at,
      received_on: over.receivedOn === undefined ? '2026-03-02' : over.receivedOn,
      applicant_kind: over.applicantKind ?? 'natural_person',
      closed_on: over.closedOn ?? null,
      outcome_key: over.outcomeKey ?? null,
      applicant_name: over.applicantName ?? '李四',
      description: over.description ?? '本镇2025年度道路建设项目的招标文件',
      provision_form: 'electronic',
      obtain_method: 'download',
      state: 'processing',
      due_date: '2026-03-30',
      due_provisional: 0,
      clock_paused: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}
