import { type Static, Type } from 'typebox';
import { recordAudit } from '../../audit/record-audit.ts';
import { coversWholeTenant } from '../../auth/policy.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { DOCUMENT_KINDS, type DocumentKind, PLACEHOLDERS, unknownPlaceholders } from './kinds.ts';
import { getTemplate } from './templates.ts';

export const TEMPLATE_PERMISSION = 'request.office' as const;

export const SaveTemplateInput = Type.Object({
  kind: Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k))),
  title: Type.String({ minLength: 1, maxLength: 100 }),
  numberLine: Type.String({ maxLength: 100 }),
  addressee: Type.String({ maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 10000 }),
  signature: Type.String({ maxLength: 300 }),
});
export type SaveTemplateInput = Static<typeof SaveTemplateInput>;

const TEXT_FIELDS = ['title', 'numberLine', 'addressee', 'body', 'signature'] as const;

/** Field errors for placeholders that do not exist (a typo would print as a blank on every letter). */
export function templateErrors(input: Pick<SaveTemplateInput, (typeof TEXT_FIELDS)[number]>): FieldError[] {
  const out: FieldError[] = [];
  for (const f of TEXT_FIELDS) {
    const unknown = unknownPlaceholders(input[f]);
    if (unknown.length > 0)
      out.push({
        field: f,
        code: 'request_docs.unknown_placeholder',
        params: { names: unknown.map((n) => `{${n}}`).join('、') },
      });
  }
  return out;
}

/**
 * Saves the office's version of a document template (the tenant's one copy per kind; the version
 * counts edits). Only an office whose request scope is the whole tenant may: every unit of the
 * county prints from these templates.
 */
export async function saveTemplate(
  ctx: OpContext,
  raw: unknown,
): Promise<{ kind: DocumentKind; version: number }> {
  const input = parse(SaveTemplateInput, raw);
  if (!coversWholeTenant(ctx.actor, TEMPLATE_PERMISSION))
    throw new AppError(ctx.actor.kind === 'anonymous' ? 'auth.required' : 'auth.forbidden');
  const errors = templateErrors(input);
  if (errors.length > 0) throw new AppError('validation.failed', { status: 422, fields: errors });
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const before = await getTemplate(tx.db, tenantId, input.kind);
    const version = before.version + 1;
    const values = {
      title: input.title.trim(),
      number_line: input.numberLine.trim(),
      addressee: input.addressee.trim(),
      body: input.body.replace(/\r\n/g, '\n').trim(),
      signature: input.signature.replace(/\r\n/g, '\n').trim(),
      version,
      updated_by: tx.actor.personId,
      updated_at: tx.now.toISOString(),
    };
    if (before.version === 0)
      await tx.db
        .insertInto('request_document_templates')
        .values({ tenant_id: tenantId, id: newId(tx.now.getTime()), kind: input.kind, ...values })
        .execute();
    else
      await tx.db
        .updateTable('request_document_templates')
        .set(values)
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', input.kind)
        .execute();
    await recordAudit(tx, {
      action: 'request_docs.template_saved',
      targetType: 'request_document_template',
      targetId: input.kind,
      summary: `修改文书模板：${values.title}（第 ${version} 版）`,
      before: {
        title: before.title,
        numberLine: before.numberLine,
        addressee: before.addressee,
        body: before.body,
        signature: before.signature,
        version: before.version,
      },
      after: { ...input, version },
    });
    return { kind: input.kind, version };
  });
}

export const PLACEHOLDER_HELP = Object.entries(PLACEHOLDERS).map(([name, label]) => ({ name, label }));
