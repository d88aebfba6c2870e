import { Type } from 'typebox';
import { recordAudit } from '../audit/record-audit.ts';
import { coversWholeTenant } from '../auth/policy.ts';
import type { DbOrTx } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { readTenantSetting, writeTenantSetting } from '../lib/tenant-settings.ts';
import { parse } from '../lib/validate.ts';

/**
 * The region's sensitive-word list (敏感词): public texts (feedback, consultation comments, 点单
 * demands) containing one of these words are held for moderation instead of going straight on.
 * Kept in tenant_settings as a JSON array; the office edits it (feedback.office on the whole region).
 */
export const SENSITIVE_WORDS_KEY = 'engagement.sensitive_words';
export const MAX_SENSITIVE_WORDS = 500;
export const MAX_SENSITIVE_WORD_LENGTH = 30;

/** Text as matched: lower case, without white space and the punctuation people insert to dodge a list. */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}_]+/gu, '');
}

/** The listed words found in the text (each once, in list order). Pure; unit-tested. */
export function findSensitiveWords(text: string, words: readonly string[]): string[] {
  const hay = normaliseForMatch(text);
  const found: string[] = [];
  for (const w of words) {
    const needle = normaliseForMatch(w);
    if (needle && hay.includes(needle) && !found.includes(w)) found.push(w);
  }
  return found;
}

/** One word per line (or separated by commas / 、), trimmed, de-duplicated, blanks dropped. */
export function parseWordList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\n\r,，、]+/)) {
    const w = raw.trim();
    if (w && !out.includes(w)) out.push(w);
  }
  return out;
}

export async function loadSensitiveWords(db: DbOrTx, tenantId: string): Promise<string[]> {
  const value = await readTenantSetting(db, tenantId, SENSITIVE_WORDS_KEY);
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : [];
}

// optional: an empty textarea (dropped by parse's blank-field rule) clears the list
export const SensitiveWordsInput = Type.Object({ words: Type.Optional(Type.String({ maxLength: 20_000 })) });

/** The office replaces the region's list. */
export async function saveSensitiveWords(ctx: OpContext, raw: unknown): Promise<string[]> {
  const input = parse(SensitiveWordsInput, raw);
  if (!coversWholeTenant(ctx.actor, 'feedback.office')) {
    if (ctx.actor.kind === 'anonymous') throw new AppError('auth.required');
    throw new AppError('auth.forbidden');
  }
  const words = parseWordList(input.words ?? '');
  if (words.length > MAX_SENSITIVE_WORDS)
    throw new AppError('engagement.sensitive_words.too_many', {
      status: 422,
      params: { max: MAX_SENSITIVE_WORDS },
      fields: [
        { field: 'words', code: 'engagement.sensitive_words.too_many', params: { max: MAX_SENSITIVE_WORDS } },
      ],
    });
  if (words.some((w) => w.length > MAX_SENSITIVE_WORD_LENGTH))
    throw new AppError('engagement.sensitive_words.too_long', {
      status: 422,
      params: { max: MAX_SENSITIVE_WORD_LENGTH },
      fields: [
        {
          field: 'words',
          code: 'engagement.sensitive_words.too_long',
          params: { max: MAX_SENSITIVE_WORD_LENGTH },
        },
      ],
    });
  return inTransaction(ctx, async (tx) => {
    const before = await loadSensitiveWords(tx.db, tx.actor.tenantId);
    await writeTenantSetting(tx, SENSITIVE_WORDS_KEY, words);
    await recordAudit(tx, {
      action: 'engagement.sensitive_words',
      targetType: 'tenant_settings',
      targetId: SENSITIVE_WORDS_KEY,
      summary: `敏感词表更新为 ${words.length} 个词`,
      before: { count: before.length },
      after: { count: words.length },
    });
    return words;
  });
}
