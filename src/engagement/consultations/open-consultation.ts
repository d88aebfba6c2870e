import { isValidDate } from '../../calendar/dates.ts';
import { t } from '../../i18n/index.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parse } from '../../lib/validate.ts';
import { customPatterns } from '../../privacy/pattern-store.ts';
import { type CustomPattern, scanText } from '../../privacy/privacy-guard.ts';
import { OpenConsultationInput } from './schemas.ts';
import { chinaDate, daysBetween, MAX_PERIOD_DAYS, MIN_PERIOD_DAYS } from './status.ts';
import {
  type Consultation,
  consultationForStaff,
  fieldError,
  type Paragraph,
  paragraphsOf,
  recordStep,
  stateError,
  updateConsultationRow,
} from './store.ts';

/** The period rules shared by opening and extending: real dates, in order, long enough. */
export function checkPeriod(opensOn: string, closesOn: string): void {
  if (!isValidDate(opensOn)) throw fieldError('opensOn', 'consultation.date_invalid');
  if (!isValidDate(closesOn)) throw fieldError('closesOn', 'consultation.date_invalid');
  if (closesOn <= opensOn) throw fieldError('closesOn', 'consultation.closes_before_opens');
  const days = daysBetween(opensOn, closesOn) + 1;
  if (days < MIN_PERIOD_DAYS)
    throw fieldError('closesOn', 'consultation.period_too_short', { min: MIN_PERIOD_DAYS, days });
  if (days > MAX_PERIOD_DAYS)
    throw fieldError('closesOn', 'consultation.period_too_long', { max: MAX_PERIOD_DAYS });
}

/** One finding of the privacy guard in the text about to be published (the value itself masked). */
export interface TextFinding {
  part: 'title' | 'explanation' | 'paragraph';
  paragraph?: number;
  kind: string;
  label?: string;
  masked: string;
}

/** Scans title, 起草说明 and every paragraph with the privacy guard (and the region's patterns). */
export function scanConsultationText(
  c: Pick<Consultation, 'title' | 'explanation'>,
  paragraphs: Pick<Paragraph, 'number' | 'body'>[],
  custom: readonly CustomPattern[],
): TextFinding[] {
  const out: TextFinding[] = [];
  const add = (part: TextFinding['part'], text: string, paragraph?: number) => {
    for (const f of scanText(text, custom))
      out.push({
        part,
        ...(paragraph ? { paragraph } : {}),
        kind: f.kind,
        ...(f.label ? { label: f.label } : {}),
        masked: f.masked,
      });
  };
  add('title', c.title);
  add('explanation', c.explanation);
  for (const p of paragraphs) add('paragraph', p.body, p.number);
  return out;
}

/** The findings as people read them: 「标题：手机号 138****5678；第 2 段：身份证号 3607**********123X」. */
export function describeFindings(findings: TextFinding[]): string {
  return findings
    .map((f) => {
      const where =
        f.part === 'paragraph'
          ? t('consultation.paragraph_label', { n: f.paragraph ?? 0 })
          : t(`consultation.finding_part.${f.part}`);
      const kind = f.label ?? t(`consultation.finding_kind.${f.kind}`);
      return `${where}：${kind} ${f.masked}`;
    })
    .join('；');
}

/**
 * 发布征求意见稿: publishes the draft with its comment period. From here on the text, title and
 * 起草说明 are immutable; only the end date can move (an extension with a public note).
 * The privacy guard scans everything published; findings refuse the step unless staff give a
 * reason to publish them anyway (kept in the trail and the audit entry, kinds only, never values).
 */
export async function openConsultation(ctx: OpContext, id: string, raw: unknown): Promise<Consultation> {
  const input = parse(OpenConsultationInput, raw);
  const overrideReason = input.overrideReason?.trim() || null;
  return inTransaction(ctx, async (tx) => {
    const { c } = await consultationForStaff(tx, id);
    if (c.state !== 'draft') throw stateError('consultation.not_draft');
    checkPeriod(input.opensOn, input.closesOn);
    if (input.opensOn < chinaDate(tx.now)) throw fieldError('opensOn', 'consultation.opens_in_past');
    const findings = scanConsultationText(
      c,
      await paragraphsOf(tx.db, c),
      await customPatterns(tx.db, c.tenant_id),
    );
    if (findings.length > 0 && !overrideReason)
      throw new AppError('consultation.privacy_findings', {
        status: 422,
        params: { count: findings.length, findings: describeFindings(findings) },
        fields: [{ field: 'overrideReason', code: 'consultation.privacy_override_needed' }],
      });
    const next = await updateConsultationRow(tx, c, {
      state: 'open',
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      first_closes_on: input.closesOn,
      published_at: tx.now.toISOString(),
      published_by: tx.actor.personId,
    });
    if (findings.length > 0 && overrideReason)
      await recordStep(tx, next, {
        kind: 'privacy_override',
        summary: `发布征求意见稿「${c.title}」时不予遮盖 ${findings.length} 处个人信息：${overrideReason}`,
        note: overrideReason,
        after: {
          reason: overrideReason,
          findings: findings.map((f) => ({
            part: f.part,
            ...(f.paragraph ? { paragraph: f.paragraph } : {}),
            kind: f.kind,
            ...(f.label ? { label: f.label } : {}),
          })),
        },
      });
    await recordStep(tx, next, {
      kind: 'opened',
      summary: `发布征求意见稿「${c.title}」，征求意见期 ${input.opensOn} 至 ${input.closesOn}`,
      public: true,
      note: `${input.opensOn} 至 ${input.closesOn}`,
      after: {
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        ...(findings.length > 0 ? { privacy_override: true } : {}),
      },
    });
    return next;
  });
}
