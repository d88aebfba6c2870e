import { effectiveCatalog } from '../catalog/queries.ts';
import type { Audience, CatalogEntry, DbOrTx, Unit } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { parsePeriodKey } from '../obligations/periods.ts';
import { sanitizeBody } from './building-blocks/sanitize.ts';
import type { UpdateDraftInput } from './schemas.ts';

/** A draft may narrow its entry's audience (社会公开 → any; any → 特定对象), never widen it. */
function narrowsOrKeeps(entryAudience: Audience, audience: Audience): boolean {
  return audience === entryAudience || entryAudience === 'public' || audience === 'specificGroup';
}

/** The entry, which must apply to the unit (its effective catalog, not excluded). */
export async function entryOfUnit(db: DbOrTx, unit: Unit, entryId: string): Promise<CatalogEntry> {
  const item = (await effectiveCatalog(db, unit)).find((i) => i.entry.id === entryId);
  if (!item?.applies || item.entry.status !== 'active')
    throw new AppError('validation.failed', {
      fields: [{ field: 'entryId', code: 'disclosure.entry_not_in_catalog' }],
    });
  return item.entry;
}

/** A plain-text body (no tags) becomes paragraphs; HTML is sanitised (no script, handlers, javascript:). */
export function bodyFromInput(raw: string): string {
  if (!/<[a-z!/]/i.test(raw)) {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return sanitizeBody(
      raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => `<p>${esc(l)}</p>`)
        .join(''),
    );
  }
  return sanitizeBody(raw);
}

/** The same day a year later (29 Feb → 28 Feb). */
export function oneYearAfter(date: string): string {
  const y = Number(date.slice(0, 4)) + 1;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

function fieldError(field: string, code: string): AppError {
  return new AppError('validation.failed', { fields: [{ field, code }] });
}

/** The draft columns from the form, checked against the entry. */
export function draftColumns(entry: CatalogEntry, input: UpdateDraftInput) {
  let periodKey = input.periodKey ?? null;
  if (entry.timing === 'periodic') {
    if (!periodKey) throw fieldError('periodKey', 'validation.required');
    let p: ReturnType<typeof parsePeriodKey>;
    try {
      p = parsePeriodKey(periodKey);
    } catch {
      throw fieldError('periodKey', 'disclosure.bad_period');
    }
    if (p.period !== entry.period) throw fieldError('periodKey', 'disclosure.bad_period');
    periodKey = p.key;
  }
  const audience = input.audience ?? entry.audience;
  if (!narrowsOrKeeps(entry.audience, audience)) throw fieldError('audience', 'disclosure.audience_wider');
  const attribute = input.attribute ?? entry.mode;
  if (attribute === 'withheld') {
    if (!input.withheldReason) throw fieldError('withheldReason', 'validation.required');
    if (!input.withheldBasis) throw fieldError('withheldBasis', 'validation.required');
  }
  const channels =
    input.channels === undefined
      ? (JSON.parse(entry.required_channels) as string[])
      : Array.isArray(input.channels)
        ? input.channels
        : input.channels.split(/[,，\s]+/).filter(Boolean);
  return {
    period_key: periodKey,
    title: input.title,
    body_html: bodyFromInput(input.bodyHtml),
    decided_on: input.decidedOn,
    audience,
    channels: JSON.stringify(channels),
    attribute,
    withheld_reason: attribute === 'withheld' ? (input.withheldReason ?? null) : null,
    withheld_basis: attribute === 'withheld' ? (input.withheldBasis ?? null) : null,
    // 不予公开 is reviewed again (regulations.md §1.1, Art. 18): a year after the decision unless set.
    review_date: attribute === 'withheld' ? (input.reviewDate ?? oneYearAfter(input.decidedOn)) : null,
    display_until: input.displayUntil ?? null,
  };
}
