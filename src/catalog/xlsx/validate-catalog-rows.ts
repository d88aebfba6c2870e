import type { CatalogDomain, CatalogEntry } from '../../db/types.ts';
import { compile, fieldErrors } from '../../lib/validate.ts';
import { type EntryValues, entryValues } from '../entry-rules.ts';
import { EntryInput } from '../schemas.ts';
import {
  AUDIENCES,
  CHANNELS,
  type ChannelCode,
  DOMAINS,
  fromLabel,
  MODES,
  PERIODS,
  RESPONSIBLE_ROLES,
  type Term,
  TIMINGS,
} from '../vocabulary.ts';
import { type CatalogImportRow, COLUMNS, type ColumnKey, type ImportError } from './columns.ts';

export interface PlannedEntry {
  row: number;
  values: EntryValues;
}

/**
 * Checks every row of a catalog file the way addGuidingEntry/addOwnEntry check one entry (the
 * same schema, the same cross-field rules), after turning the Chinese words into codes. Also
 * refuses an item twice in the file, or already in the target. Pure apart from its arguments.
 */
export function validateCatalogRows(
  rows: readonly CatalogImportRow[],
  fixedDomain: CatalogDomain | null,
  existing: readonly CatalogEntry[],
): { errors: ImportError[]; plan: PlannedEntry[] } {
  const errors: ImportError[] = [];
  const plan: PlannedEntry[] = [];
  const seen = new Map<string, number>();
  const taken = new Set(existing.filter((e) => e.status === 'active').map((e) => itemKey(e)));
  const validate = compile(EntryInput);
  for (const r of rows) {
    const rowErrors: ImportError[] = [];
    const push = (field: ColumnKey | undefined, code: string, params: Record<string, string | number> = {}) =>
      rowErrors.push({ row: r.row, field, code, params });
    const input = rowToInput(r, push);
    if (!validate(input)) {
      for (const f of fieldErrors(validate.errors)) push(columnKey(f.field), f.code, f.params);
    } else {
      const checked = entryValues(input as EntryInput, fixedDomain);
      for (const f of checked.errors) push(columnKey(f.field), f.code, f.params ?? {});
      const key = itemKey(checked.values);
      const other = seen.get(key);
      if (other !== undefined) push('item', 'catalog_import.row.duplicate', { other });
      else if (taken.has(key)) push('item', 'catalog_import.row.exists');
      seen.set(key, other ?? r.row);
      if (rowErrors.length === 0) plan.push({ row: r.row, values: checked.values });
    }
    errors.push(...dedupe(rowErrors));
  }
  return { errors, plan };
}

type Push = (field: ColumnKey, code: string, params?: Record<string, string | number>) => void;

function rowToInput(r: CatalogImportRow, push: Push): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [
    'level1',
    'level2',
    'elements',
    'legalBasis',
    'timeLimitText',
    'subject',
    'level',
  ] as const)
    if (r[k] !== '') out[k] = r[k];
  // Standard catalogs name the item by its 二级事项 (or 一级事项) and have no 事项名称 column.
  const item = r.item || r.level2 || r.level1;
  if (item) out.item = item;
  const term = <C extends string>(key: ColumnKey, terms: readonly Term<C>[]) => {
    if (r[key] === '') return;
    const code = fromLabel(terms, r[key]);
    if (code) out[key] = code;
    else push(key, 'catalog_import.row.unknown_value', { value: r[key] });
  };
  term('domain', DOMAINS);
  term('mode', MODES);
  term('audience', AUDIENCES);
  term('responsibleRole', RESPONSIBLE_ROLES);
  term('timing', TIMINGS);
  term('period', PERIODS);
  // Catalogs without the SPEC columns say it all in 公开时限: "每季度公开", "20个工作日内", "及时公开".
  const text = r.timeLimitText;
  if (r.timing === '' && text !== '') out.timing = inferTiming(text);
  if (r.period === '' && out.timing === 'periodic') {
    const p = inferPeriod(text);
    if (p) out.period = p;
  }
  for (const key of ['timeLimitDays', 'minDisplayDays'] as const) {
    if (r[key] === '') continue;
    if (/^\d+$/.test(r[key])) out[key] = Number(r[key]);
    else push(key, 'catalog_import.row.not_a_number', { value: r[key] });
  }
  if (r.timeLimitDays === '') {
    const m = /(\d+)\s*个?工作日/.exec(text);
    if (m) out.timeLimitDays = Number(m[1]);
  }
  const interp = r.requiresInterpretation.trim();
  if (/^(是|需要|须|要|√|✓|■|y|yes|true|1)$/i.test(interp)) out.requiresInterpretation = true;
  else if (interp !== '' && !/^(否|不需要|不要求|无|□|n|no|false|0)$/i.test(interp))
    push('requiresInterpretation', 'catalog_import.row.unknown_value', { value: interp });
  const req = parseChannels(r.requiredChannels, true);
  const opt = parseChannels(r.optionalChannels, false);
  for (const v of [...req.unknown, ...opt.unknown])
    push(
      req.unknown.includes(v) ? 'requiredChannels' : 'optionalChannels',
      'catalog_import.row.unknown_channel',
      {
        value: v,
      },
    );
  out.requiredChannels = req.required;
  out.optionalChannels = [...req.optional, ...opt.required, ...opt.optional];
  return out;
}

function inferTiming(text: string): string {
  if (/每月|月度|按月|每季|季度|半年|每年|年度|定期/.test(text)) return 'periodic';
  if (/逐段|分段|阶段/.test(text)) return 'staged';
  if (/及时|即时|实时|随时/.test(text)) return 'immediate';
  return 'standing';
}

function inferPeriod(text: string): string | null {
  if (/每月|月度|按月/.test(text)) return 'monthly';
  if (/季/.test(text)) return 'quarterly';
  if (/半年/.test(text)) return 'half_yearly';
  if (/每年|年度/.test(text)) return 'yearly';
  return null;
}

/**
 * A channel cell is a list ("政府网站、公开栏") or the standard checkbox notation
 * ("■政府网站 □政府公报 ■两微一端"): ■ marks a required channel, □ an optional one.
 * In the 可选 column every channel is optional.
 */
function parseChannels(cell: string, marksRequired: boolean) {
  const required: ChannelCode[] = [];
  const optional: ChannelCode[] = [];
  const unknown: string[] = [];
  const add = (label: string, req: boolean) => {
    const v = label.replace(/^[、,，;；\s]+|[、,，;；\s]+$/g, '');
    if (v === '') return;
    const code = fromLabel(CHANNELS, v);
    if (!code) unknown.push(v);
    else (req ? required : optional).push(code);
  };
  if (/[■□☑☐]/.test(cell)) {
    for (const m of cell.matchAll(/([■□☑☐])([^■□☑☐]*)/g)) add(m[2], marksRequired && /[■☑]/.test(m[1]));
  } else {
    for (const part of cell.split(/[、,，;；\n]+/)) add(part, marksRequired);
  }
  return { required, optional, unknown };
}

function columnKey(field: string): ColumnKey | undefined {
  const head = field.split('.')[0];
  return COLUMNS.some((c) => c.key === head) ? (head as ColumnKey) : undefined;
}

function itemKey(e: { level1: string; level2: string | null; item: string }): string {
  return [e.level1, e.level2 ?? '', e.item].join('\u0000');
}

/** One problem per cell is enough for a person (the first found: an unknown word, say, before "required"). */
function dedupe(errors: ImportError[]): ImportError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = e.field ?? `|${e.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
