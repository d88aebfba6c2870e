import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { checkThrottle, recordThrottle } from '../throttle.ts';
import { RateInput } from './schemas.ts';
import { acceptsRatings, chinaDate, findSurvey, lockSurvey, surveyUnits } from './store.ts';

/**
 * Who rates: a signed-in person rates as themselves ('p:<person id>'); an anonymous visitor, where
 * the survey allows it, as their device ('d:<device id>', the cookie of src/engagement/device.ts).
 */
export function raterKey(ctx: OpContext, device: string | null): string | null {
  if (ctx.actor.kind === 'person' && ctx.actor.personId) return `p:${ctx.actor.personId}`;
  return device ? `d:${device}` : null;
}

/**
 * 参加测评 (rateUnit for one or more units of a survey at once). One rating per rater and unit:
 * the unique key (survey, unit, rater_key) makes a double submit update the same row, never add a
 * second one. A rater may change their rating while the survey accepts ratings — the latest one
 * counts. Anonymous raters are throttled per IP ('survey_rating'). Comments are stored for the office only.
 */
export async function rateUnits(
  ctx: OpContext,
  surveyId: string,
  raw: unknown,
  device: string | null,
): Promise<{ rated: number }> {
  const tenantId = ctx.actor.tenantId;
  const survey = await findSurvey(ctx.db, tenantId, surveyId);
  if (!survey || survey.status === 'draft') throw new AppError('survey.not_found');
  if (!acceptsRatings(survey, chinaDate(ctx.now)))
    throw new AppError('survey.not_accepting', { status: 409 });
  if (survey.audience === 'signed_in' && ctx.actor.kind !== 'person')
    throw new AppError('survey.sign_in_required', { status: 401 });
  const key = raterKey(ctx, device);
  if (!key) throw new AppError('survey.sign_in_required', { status: 401 });
  // anonymous raters are throttled per IP; signed-in people are known (a meeting room behind one
  // NAT address may rate together)
  const ip = ctx.ip ?? 'unknown';
  const anonymous = ctx.actor.kind !== 'person';
  if (anonymous) await checkThrottle(ctx.db, tenantId, 'survey_rating', ip, ctx.now);
  const input = parse(RateInput, raw);
  const units = new Set((await surveyUnits(ctx.db, tenantId, surveyId)).map((u) => u.id));
  const seen = new Set<string>();
  input.ratings.forEach((r, i) => {
    if (!units.has(r.unitId) || seen.has(r.unitId))
      throw new AppError('validation.failed', {
        fields: [{ field: `ratings.${i}.unitId`, code: 'survey.unit_not_rated' }],
      });
    seen.add(r.unitId);
  });
  return inTransaction(ctx, async (tx) => {
    // checked again inside the transaction on the (locked) row: no rating lands after a close or
    // finalize that committed since the check above
    const current = await lockSurvey(tx.db, tenantId, surveyId);
    if (!current || !acceptsRatings(current, chinaDate(tx.now)))
      throw new AppError('survey.not_accepting', { status: 409 });
    const at = tx.now.toISOString();
    for (const r of input.ratings) {
      const comment = r.comment?.trim() ? r.comment.trim() : null;
      await tx.db
        .insertInto('survey_ratings')
        .values({
          tenant_id: tenantId,
          id: newId(tx.now.getTime()),
          survey_id: surveyId,
          unit_id: r.unitId,
          rater_key: key,
          person_id: tx.actor.kind === 'person' ? tx.actor.personId : null,
          level: r.level,
          comment,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'survey_id', 'unit_id', 'rater_key'])
            .doUpdateSet({ level: r.level, comment, updated_at: at }),
        )
        .execute();
    }
    if (anonymous) await recordThrottle(tx.db, tenantId, 'survey_rating', ip, tx.now);
    await recordAudit(tx, {
      action: 'survey.rate',
      targetType: 'survey',
      targetId: surveyId,
      summary: `参加满意度测评“${survey.title}”，评价 ${input.ratings.length} 个单位`,
      // ballot secrecy (民主评议): how many units were rated, never who said what about which unit
      after: { rated: input.ratings.length },
    });
    return { rated: input.ratings.length };
  });
}
