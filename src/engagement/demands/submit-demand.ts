import { recordAudit } from '../../audit/record-audit.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { DbOrTx } from '../../db/types.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { findSensitiveWords, loadSensitiveWords } from '../sensitive-words.ts';
import { checkThrottle, recordThrottle } from '../throttle.ts';
import { notifyAnswerers } from './notify-answerers.ts';
import { SubmitDemandInput } from './schemas.ts';
import { type Demand, titleKey } from './store.ts';

/**
 * 点单: anyone (anonymous or signed in) asks a unit to disclose something its catalog does not
 * cover. Throttled per IP; a honeypot field stops simple bots; a live demand with the same
 * normalised title at the unit is not repeated (the visitor is pointed to it, to support it);
 * a text with a listed sensitive word waits for moderation (held), anything else is public at once.
 */
export async function submitDemand(ctx: OpContext, raw: unknown): Promise<Demand> {
  const ip = ctx.ip ?? 'unknown';
  const tenantId = ctx.actor.tenantId;
  await checkThrottle(ctx.db, tenantId, 'demand', ip, ctx.now);
  const input = parse(SubmitDemandInput, raw);
  if (input.website) throw new AppError('demand.spam', { status: 422 });
  const key = titleKey(input.title);
  if (!key) throw fieldError('title', 'validation.required');
  try {
    return await inTransaction(ctx, async (tx) => {
      const unit = await tx.db
        .selectFrom('units')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', input.unitId)
        .where('status', '=', 'active')
        .where('kind', '!=', 'region')
        .executeTakeFirst();
      if (!unit) throw fieldError('unitId', 'demand.unit_unknown');
      await refuseDuplicate(tx.db, tenantId, unit.id, key);
      const held = findSensitiveWords(
        [input.title, input.description, input.authorName ?? ''].join('\n'),
        await loadSensitiveWords(tx.db, tenantId),
      );
      const now = tx.now.toISOString();
      const row: Demand = {
        tenant_id: tenantId,
        id: newId(tx.now.getTime()),
        unit_id: unit.id,
        title: input.title,
        title_key: key,
        description: input.description,
        author_name: input.authorName ?? null,
        contact: input.contact ?? null,
        submitted_by: tx.actor.kind === 'person' ? tx.actor.personId : null,
        status: held.length > 0 ? 'held' : 'open',
        held_words: held.length > 0 ? held.join('、') : null,
        moderated_by: null,
        moderated_at: null,
        moderation_note: null,
        support_count: 0,
        submitted_at: now,
        answered_at: null,
        created_at: now,
        updated_at: now,
      };
      await tx.db.insertInto('demands').values(row).execute();
      await recordThrottle(tx.db, tenantId, 'demand', ip, tx.now);
      await recordAudit(tx, {
        action: 'demand.submit',
        targetType: 'demand',
        targetId: row.id,
        unitId: unit.id,
        summary: `${unit.name} 收到点单：${row.title}${row.status === 'held' ? '（含敏感词，待审核）' : ''}`,
        after: { status: row.status, heldWords: row.held_words },
      });
      await notifyAnswerers(tx, unit, row);
      return row;
    });
  } catch (e) {
    // two identical demands at the same moment: the partial unique index lets one through
    if (isUniqueViolation(e)) {
      await refuseDuplicate(ctx.db, tenantId, input.unitId, key);
      throw new AppError('demand.duplicate_held', { status: 409 });
    }
    throw e;
  }
}

/** A live demand with the same title at the unit: open → point to it; held → say it is under review. */
async function refuseDuplicate(db: DbOrTx, tenantId: string, unitId: string, key: string): Promise<void> {
  const same = await db
    .selectFrom('demands')
    .select(['id', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .where('title_key', '=', key)
    .where('status', 'in', ['open', 'held'])
    .executeTakeFirst();
  if (!same) return;
  if (same.status === 'open')
    throw new AppError('demand.duplicate', { status: 409, params: { id: same.id } });
  throw new AppError('demand.duplicate_held', { status: 409 });
}

function fieldError(field: string, code: string): AppError {
  return new AppError('validation.failed', { status: 422, fields: [{ field, code }] });
}
