import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { customPatterns } from '../../privacy/pattern-store.ts';
import { scanText } from '../../privacy/privacy-guard.ts';
import { findSensitiveWords, loadSensitiveWords } from '../sensitive-words.ts';
import { checkThrottle, recordThrottle } from '../throttle.ts';
import { CommentInput } from './schemas.ts';
import { chinaDate, consultationStatus } from './status.ts';
import { type Comment, consultationForPublic, fieldError, paragraphsOf } from './store.ts';

/**
 * 提意见: anyone comments on the whole text or on one paragraph while the period is open. Every
 * comment waits for moderation (pending); hits of the sensitive-word list and personal data found
 * by the privacy guard are flagged for the moderator. A filled honeypot is accepted silently and
 * dropped (returns null). Throttled per IP (kind 'comment').
 */
export async function submitComment(
  ctx: OpContext,
  consultationId: string,
  raw: unknown,
): Promise<Comment | null> {
  const ip = ctx.ip ?? 'unknown';
  const tenantId = ctx.actor.tenantId;
  await checkThrottle(ctx.db, tenantId, 'comment', ip, ctx.now);
  const input = parse(CommentInput, raw);
  if (input.website?.trim()) return null;
  const body = input.body.trim();
  if (body.length < 2) throw fieldError('body', 'validation.too_short', { limit: 2 });
  return inTransaction(ctx, async (tx) => {
    const { c } = await consultationForPublic(tx.db, tenantId, consultationId);
    const status = consultationStatus(c, chinaDate(tx.now));
    if (status === 'upcoming')
      throw new AppError('consultation.not_yet_open', { status: 409, params: { date: c.opens_on ?? '' } });
    if (status !== 'open')
      throw new AppError('consultation.period_closed', { status: 409, params: { date: c.closes_on ?? '' } });
    const pRaw = input.paragraph === undefined ? '' : String(input.paragraph).trim();
    let paragraph: number | null = null;
    if (pRaw !== '') {
      const n = Number(pRaw);
      const numbers = new Set((await paragraphsOf(tx.db, c)).map((p) => p.number));
      if (!Number.isInteger(n) || !numbers.has(n))
        throw fieldError('paragraph', 'consultation.paragraph_unknown');
      paragraph = n;
    }
    const name = input.name?.trim() || null;
    const contact = input.contact?.trim() || null;
    const words = findSensitiveWords(`${name ?? ''} ${body}`, await loadSensitiveWords(tx.db, tenantId));
    const personal = [
      ...new Set(
        scanText(`${name ?? ''}\n${body}`, await customPatterns(tx.db, tenantId)).map(
          (f) => f.label ?? f.kind,
        ),
      ),
    ];
    const row: Comment = {
      tenant_id: tenantId,
      id: newId(tx.now.getTime()),
      consultation_id: c.id,
      paragraph_number: paragraph,
      author_name: name,
      contact,
      body,
      status: 'pending',
      flag_words: words.length ? JSON.stringify(words) : null,
      flag_personal: personal.length ? JSON.stringify(personal) : null,
      moderated_by: null,
      moderated_at: null,
      reject_reason: null,
      decision_id: null,
      submitted_at: tx.now.toISOString(),
    };
    await tx.db.insertInto('consultation_comments').values(row).execute();
    await recordThrottle(tx.db, tenantId, 'comment', ip, tx.now);
    await recordAudit(tx, {
      action: 'consultation.comment',
      targetType: 'consultation_comment',
      targetId: row.id,
      unitId: c.unit_id,
      summary: `收到对「${c.title}」${paragraph ? `第 ${paragraph} 段` : '全文'}的意见（待审核）`,
      after: { consultation_id: c.id, paragraph, flagged: words.length > 0 || personal.length > 0 },
    });
    return row;
  });
}
