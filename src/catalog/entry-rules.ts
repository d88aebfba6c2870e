import type {
  Audience,
  CatalogDomain,
  CatalogEntry,
  DisclosureMode,
  DisclosurePeriod,
  DisclosureTiming,
  RoleName,
} from '../db/types.ts';
import type { FieldError } from '../lib/errors.ts';
import type { EntryInput } from './schemas.ts';
import { CHANNEL_CODES, CHANNELS, DOMAINS, describeTimeLimit, labelOf } from './vocabulary.ts';

/** The stored fields of an entry, as every write path (forms, API, import, demo) computes them. */
export interface EntryValues {
  domain: CatalogDomain;
  level1: string;
  level2: string | null;
  item: string;
  elements: string | null;
  legal_basis: string | null;
  mode: DisclosureMode;
  timing: DisclosureTiming;
  period: DisclosurePeriod | null;
  time_limit_days: number;
  time_limit_text: string | null;
  min_display_days: number | null;
  /** 三同时: documents under this entry are published with an approved 政策解读 (0/1). */
  requires_interpretation: 0 | 1;
  audience: Audience;
  required_channels: string;
  optional_channels: string;
  subject: string | null;
  level: string | null;
  responsible_role: RoleName;
}

/**
 * SPEC §4 defaults: proactive items within 5 working days, replies to requests within 20 (OGI
 * Art. 33); periodic items displayed at least 30 working days, immediate ones 20; standing and
 * staged items stay until changed (null).
 */
export function defaultTimeLimitDays(mode: DisclosureMode): number {
  return mode === 'on_request' ? 20 : 5;
}
export function defaultMinDisplayDays(timing: DisclosureTiming): number | null {
  if (timing === 'periodic') return 30;
  if (timing === 'immediate') return 20;
  return null;
}

/**
 * Checks the rules that span fields and fills the defaults. `fixedDomain` is the guiding
 * catalog's domain (its entries share it), or null for a unit's own entry (the input names it).
 * Errors are addressed by input field name, like the schema's.
 */
export function entryValues(
  input: EntryInput,
  fixedDomain: CatalogDomain | null,
): { values: EntryValues; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let domain = input.domain ?? fixedDomain;
  if (fixedDomain && input.domain && input.domain !== fixedDomain) {
    errors.push({
      field: 'domain',
      code: 'catalog.entry.domain_mismatch',
      params: { domain: labelOf(DOMAINS, fixedDomain) },
    });
    domain = fixedDomain;
  }
  if (!domain) {
    errors.push({ field: 'domain', code: 'validation.required' });
    domain = 'government';
  }
  if (input.timing === 'periodic' && !input.period)
    errors.push({ field: 'period', code: 'catalog.entry.period_required' });
  if (input.timing !== 'periodic' && input.period)
    errors.push({ field: 'period', code: 'catalog.entry.period_unexpected' });
  if (input.audience === 'partyInternal' && domain !== 'party')
    errors.push({ field: 'audience', code: 'catalog.entry.audience_party_only' });
  const required = ordered(input.requiredChannels ?? []);
  const optional = ordered(input.optionalChannels ?? []);
  if (required.length === 0)
    errors.push({ field: 'requiredChannels', code: 'catalog.entry.channel_required' });
  const both = optional.filter((c) => required.includes(c));
  if (both.length > 0)
    errors.push({
      field: 'optionalChannels',
      code: 'catalog.entry.channel_both',
      params: { channel: both.map((c) => labelOf(CHANNELS, c)).join('、') },
    });
  const values: EntryValues = {
    domain,
    level1: input.level1,
    level2: input.level2 ?? null,
    item: input.item,
    elements: input.elements ?? null,
    legal_basis: input.legalBasis ?? null,
    mode: input.mode,
    timing: input.timing,
    period: input.timing === 'periodic' ? (input.period ?? null) : null,
    time_limit_days: input.timeLimitDays ?? defaultTimeLimitDays(input.mode),
    time_limit_text: null,
    min_display_days: input.minDisplayDays ?? defaultMinDisplayDays(input.timing),
    requires_interpretation: input.requiresInterpretation ? 1 : 0,
    audience: input.audience,
    required_channels: JSON.stringify(required),
    optional_channels: JSON.stringify(optional.filter((c) => !required.includes(c))),
    subject: input.subject ?? null,
    level: input.level ?? null,
    responsible_role: input.responsibleRole ?? 'publisher',
  };
  // Wording that says nothing beyond the fields is not stored, so it follows later edits.
  if (input.timeLimitText && input.timeLimitText !== describeTimeLimit(values))
    values.time_limit_text = input.timeLimitText;
  return { values, errors };
}

function ordered(codes: readonly string[]): string[] {
  const set = new Set(codes);
  return CHANNEL_CODES.filter((c) => set.has(c));
}

/** An entry row back as input (for edit forms, exports and round trips). */
export function entryToInput(e: CatalogEntry): EntryInput {
  const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  return {
    domain: e.domain,
    level1: e.level1,
    level2: opt(e.level2),
    item: e.item,
    elements: opt(e.elements),
    legalBasis: opt(e.legal_basis),
    mode: e.mode,
    timing: e.timing,
    period: opt(e.period),
    timeLimitDays: e.time_limit_days,
    timeLimitText: e.time_limit_text ?? describeTimeLimit(e),
    minDisplayDays: opt(e.min_display_days),
    requiresInterpretation: e.requires_interpretation === 1,
    audience: e.audience,
    requiredChannels: channelList(e.required_channels) as EntryInput['requiredChannels'],
    optionalChannels: channelList(e.optional_channels) as EntryInput['optionalChannels'],
    subject: opt(e.subject),
    level: opt(e.level),
    responsibleRole: e.responsible_role as EntryInput['responsibleRole'],
    sortOrder: e.sort_order,
  };
}

export function channelList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
