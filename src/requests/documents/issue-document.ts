import { createHash } from 'node:crypto';
import { type Static, Type } from 'typebox';
import { recordAudit } from '../../audit/record-audit.ts';
import { authorize } from '../../auth/policy.ts';
import { t } from '../../i18n/index.ts';
import { beijingDate } from '../../jobs/schedule-daily.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { DOCUMENT_KINDS, type DocumentKind, isPlaceholder, isReplyKind } from './kinds.ts';
import { allocateNumber, formatNumber, numberPattern } from './numbering.ts';
import { chineseDate, fillPlaceholders, renderPdf } from './render-pdf.ts';
import { LEGAL_BASIS } from './reply-documents.ts';
import { getTemplate } from './templates.ts';
import { findUnit } from './unit-lookup.ts';

/** Who may issue a request's documents: whoever handles requests of the issuing unit. */
export const ISSUE_PERMISSION = 'request.handle' as const;

export const IssueDocumentInput = Type.Object({
  requestId: Type.String({ minLength: 1, maxLength: 40 }),
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  kind: Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k))),
  fields: Type.Record(Type.String(), Type.String({ maxLength: 4000 })),
});
export type IssueDocumentInput = Static<typeof IssueDocumentInput>;

export interface IssuedDocument {
  id: string;
  number: string;
  fileId: string;
}

/**
 * Issues a numbered document of a request: takes the unit's next 文号 for the year (Beijing time),
 * renders the tenant's template with the fields into a PDF, stores it in `files`, records the
 * document against the request and audits — all in ctx's transaction (joined if already open),
 * so a failed step returns the number. Fields default from the request (applicant, dates,
 * description, tracking code, current deadline, the legal basis of the request's outcome for a
 * reply, the form and way of provision the applicant chose); the caller's fields override them, except
 * `number`, which only the allocator gives.
 */
export async function issueDocument(
  ctx: OpContext,
  input: { requestId: string; unitId: string; kind: DocumentKind; fields: Record<string, string> },
): Promise<IssuedDocument> {
  const valid = parse(IssueDocumentInput, input);
  const unknown = Object.keys(valid.fields).filter((k) => !isPlaceholder(k));
  if (unknown.length > 0)
    throw new AppError('validation.failed', {
      status: 422,
      fields: [
        { field: 'fields', code: 'request_docs.unknown_placeholder', params: { names: unknown.join('、') } },
      ],
    });
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const unit = await findUnit(tx.db, tenantId, valid.unitId);
    if (!unit) throw new AppError('unit.not_found');
    authorize(tx.actor, ISSUE_PERMISSION, unit, 'request.not_found');
    const request = await tx.db
      .selectFrom('requests')
      .select([
        'id',
        'applicant_name',
        'received_on',
        'description',
        'tracking_code',
        'due_date',
        'outcome_key',
        'provision_form',
        'obtain_method',
      ])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', valid.requestId)
      .executeTakeFirst();
    if (!request) throw new AppError('request.not_found');

    const today = beijingDate(tx.now);
    const year = Number(today.slice(0, 4));
    const template = await getTemplate(tx.db, tenantId, valid.kind);
    const pattern = await numberPattern(tx.db, tenantId, unit.id);
    const seq = await allocateNumber(tx.db, tenantId, unit.id, year);
    const number = formatNumber(pattern, { unitName: unit.name, year, seq });
    const fields: Record<string, string> = {
      applicantName: request.applicant_name,
      receivedDate: request.received_on ? chineseDate(request.received_on) : '',
      description: request.description,
      requestCode: request.tracking_code,
      deadline: request.due_date ? chineseDate(request.due_date) : '',
      legalBasis: isReplyKind(valid.kind) ? (outcomeBasis(request.outcome_key) ?? '') : '',
      provisionMethod: provisionMethod(request.provision_form, request.obtain_method),
      unitName: unit.name,
      date: chineseDate(today),
      ...valid.fields,
      number,
    };
    const title = fillPlaceholders(template.title, fields);
    const pdf = await renderPdf(template, fields, { createdAt: tx.now });

    const fileId = newId(tx.now.getTime());
    await tx.db
      .insertInto('files')
      .values({
        tenant_id: tenantId,
        id: fileId,
        name: `${title}（${number}）.pdf`,
        mime: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        content_b64: pdf.toString('base64'),
        created_by: tx.actor.personId,
        created_at: tx.now.toISOString(),
      })
      .execute();
    const id = newId(tx.now.getTime());
    await tx.db
      .insertInto('request_documents')
      .values({
        tenant_id: tenantId,
        id,
        request_id: request.id,
        unit_id: unit.id,
        kind: valid.kind,
        year,
        seq,
        number,
        title,
        file_id: fileId,
        template_version: template.version,
        fields_json: JSON.stringify(fields),
        issued_by: tx.actor.personId,
        issued_at: tx.now.toISOString(),
      })
      .execute();
    await recordAudit(tx, {
      action: 'request_docs.issued',
      targetType: 'request',
      targetId: request.id,
      unitId: unit.id,
      summary: `制发${title}（${number}）`,
      after: { documentId: id, kind: valid.kind, number, fileId, templateVersion: template.version },
    });
    return { id, number, fileId };
  });
}

function outcomeBasis(key: string | null): string | undefined {
  return key && Object.hasOwn(LEGAL_BASIS, key) ? LEGAL_BASIS[key as keyof typeof LEGAL_BASIS] : undefined;
}

/** The applicant's chosen form and way of provision (Art. 29, 40), as a reply letter words it. */
export function provisionMethod(form: string, obtain: string): string {
  return `以${t(`request.provision.${form}`)}形式，通过${t(`request.obtain.${obtain}`)}方式提供`;
}
