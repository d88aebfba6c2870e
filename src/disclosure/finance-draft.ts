import { renderToString } from 'preact-render-to-string';
import { type Static, Type } from 'typebox';
import { checkUpload } from '../documents/sniff.ts';
import { t } from '../i18n/index.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { isId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { parsePeriodKey, periodLabel } from '../obligations/periods.ts';
import { storeAttachment, type UploadedFile } from './attachments.ts';
import {
  type FinanceTable,
  type FinanceWarning,
  formatCents,
  parseFinanceSheet,
  renderFinanceTable,
} from './building-blocks/finance-sheet.ts';
import { sanitizeBody } from './building-blocks/sanitize.ts';
import { createDraft } from './create-draft.ts';
import { type Disclosure, recordStep, updateDisclosure } from './store.ts';

/**
 * Bulk finance drafting (村级财务收支公开): a publisher uploads the month's XLSX income/expenditure
 * sheet and picks the unit, the finance entry and the period; the server parses the sheet
 * (building-blocks/finance-sheet.ts) and creates one draft whose body is the sheet rendered as a
 * sanitised table with totals and whose attachment is the sheet itself (kept as is, its type
 * sniffed from the content). A sheet that cannot be read writes nothing. Figures that do not add
 * up are warnings, put on the trail for the reviewer.
 */
export const FinanceDraftInput = Type.Object({
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  entryId: Type.String({ minLength: 1, maxLength: 40 }),
  /** '2026-10' (a month picker) or a period key ('2026-M10', '2026-Q3'). */
  period: Type.String({ minLength: 1, maxLength: 20 }),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  decidedOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
});
export type FinanceDraftInput = Static<typeof FinanceDraftInput>;

export function periodKeyOf(raw: string): string {
  const month = /^(\d{4})-(\d{1,2})$/.exec(raw.trim());
  const key = month ? `${month[1]}-M${month[2].padStart(2, '0')}` : raw.trim().toUpperCase();
  try {
    return parsePeriodKey(key).key;
  } catch {
    throw new AppError('validation.failed', { fields: [{ field: 'period', code: 'disclosure.bad_period' }] });
  }
}

/** The draft body: the table with its totals, the sheet's notes, and a one-line summary. */
export function financeBody(table: FinanceTable, caption: string): string {
  const closing = table.totals.closingBalanceCents;
  const summary = `本期收入合计 ${formatCents(table.totals.incomeCents)} 元，支出合计 ${formatCents(
    table.totals.expenseCents,
  )} 元${closing === null ? '' : `，期末结余 ${formatCents(closing)} 元`}。`;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = [
    `<p>${esc(summary)}</p>`,
    renderToString(renderFinanceTable(table, { caption })),
    ...table.notes.map((n) => `<p>${esc(n)}</p>`),
  ].join('');
  return sanitizeBody(html);
}

export function warningText(w: FinanceWarning): string {
  const params = { ...w.params, row: w.sheetRow } as Record<string, string | number>;
  if (typeof params.column === 'string' && ['income', 'expense', 'balance'].includes(params.column))
    params.column = t(`finance.column.${params.column}`);
  return t(w.code, params);
}

export interface FinanceDraftResult {
  disclosure: Disclosure;
  warnings: string[];
}

export async function createFinanceDraft(
  ctx: OpContext,
  raw: unknown,
  file: UploadedFile | null,
  limitBytes: number,
): Promise<FinanceDraftResult> {
  const input = parse(FinanceDraftInput, raw);
  if (!file)
    throw new AppError('validation.failed', { fields: [{ field: 'file', code: 'validation.required' }] });
  const periodKey = periodKeyOf(input.period);
  // Size and type from the content first, then the sheet itself: nothing is written if either fails.
  const checked = await checkUpload(file.content, file.name, limitBytes);
  if (checked.type !== 'xlsx') throw new AppError('finance.sheet_unreadable', { status: 422 });
  const table = await parseFinanceSheet(file.content);
  const unit = isId(input.unitId)
    ? await ctx.db
        .selectFrom('units')
        .select(['name'])
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('id', '=', input.unitId)
        .executeTakeFirst()
    : undefined;
  const title = input.title ?? `${unit?.name ?? ''}${periodLabel(periodKey)}财务收支公开`;
  const warnings = table.warnings.map(warningText);
  const disclosure = await inTransaction(ctx, async (tx) => {
    const d = await createDraft(tx, {
      unitId: input.unitId,
      entryId: input.entryId,
      periodKey,
      title,
      bodyHtml: financeBody(table, table.title ?? title),
      decidedOn: input.decidedOn ?? parsePeriodKey(periodKey).end,
    });
    const ref = await storeAttachment(tx, file, limitBytes);
    const next = await updateDisclosure(tx, d, { attachments: JSON.stringify([ref]) });
    await recordStep(tx, next, {
      action: 'attach',
      summary: `由收支表生成正文并添加附件“${ref.name}”（${table.rows.length} 笔明细）`,
      reason: warnings.length > 0 ? `收支表核对提示：${warnings.join('；')}` : null,
      after: { ...ref, rows: table.rows.length, warnings },
    });
    return next;
  });
  return { disclosure, warnings };
}
