import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { coversWholeTenant } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import { t } from '../../i18n/index.ts';
import { inTransaction } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { opContext, redirect } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import type { ErrorMap } from '../../views/form.tsx';
import { loadSensitiveWords, MAX_SENSITIVE_WORDS, saveSensitiveWords } from '../sensitive-words.ts';
import { feedbackDirectDelivery, feedbackReplyDays, MAX_FEEDBACK_REPLY_DAYS } from '../settings.ts';
import { SETTINGS_PATH } from './nav.ts';
import { saveEngagementSettings } from './save-engagement-settings.ts';
import { EngagementSettingsPage } from './views.tsx';

function requireOffice(req: FastifyRequest): void {
  requireSignedIn(req);
  if (!coversWholeTenant(req.actor, 'feedback.office')) throw new AppError('auth.forbidden');
}

/** The office's engagement settings: page forms and GET/PUT /api/v1/engagement/settings. */
export function registerEngagementSettingsRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  const page = async (
    req: FastifyRequest,
    over: { replyDays?: unknown; direct?: boolean; words?: string } = {},
    errors?: ErrorMap,
    message?: string,
  ) => {
    const tenantId = req.actor.tenantId;
    const words = await loadSensitiveWords(db, tenantId);
    return EngagementSettingsPage({
      ...pageMeta(req, t('engagement_settings.title'), 'admin'),
      replyDays:
        over.replyDays !== undefined ? String(over.replyDays) : await feedbackReplyDays(db, tenantId),
      direct: over.direct ?? (await feedbackDirectDelivery(db, tenantId)),
      words: over.words ?? words.join('\n'),
      wordCount: words.length,
      errors,
      message,
    });
  };

  app.get(SETTINGS_PATH, async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${SETTINGS_PATH}`);
    requireOffice(req);
    return sendPage(reply, await page(req));
  });

  app.post(SETTINGS_PATH, async (req, reply) => {
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => saveEngagementSettings(opContext(req), { ...body, direct: body.direct === 'true' }),
      (errors, message) =>
        page(req, { replyDays: body.replyDays, direct: body.direct === 'true' }, errors, message),
    );
    if (!done) return reply;
    return redirect(reply, SETTINGS_PATH, 'engagement_settings_saved');
  });

  app.post(`${SETTINGS_PATH}/words`, async (req, reply) => {
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => saveSensitiveWords(opContext(req), body),
      (errors, message) => page(req, { words: String(body.words ?? '') }, errors, message),
    );
    if (!done) return reply;
    return redirect(reply, SETTINGS_PATH, 'engagement_words_saved');
  });

  const View = Type.Object({
    replyDays: Type.Integer(),
    direct: Type.Boolean(),
    sensitiveWords: Type.Array(Type.String()),
  });
  const tags = ['engagement'];

  app.get(
    '/api/v1/engagement/settings',
    {
      schema: {
        tags,
        summary: '互动设置（公开办）：意见建议答复时限、直达、敏感词',
        response: { 200: View },
      },
    },
    async (req) => {
      requireOffice(req);
      const tenantId = req.actor.tenantId;
      return {
        replyDays: await feedbackReplyDays(db, tenantId),
        direct: await feedbackDirectDelivery(db, tenantId),
        sensitiveWords: await loadSensitiveWords(db, tenantId),
      };
    },
  );

  app.put(
    '/api/v1/engagement/settings',
    {
      schema: {
        tags,
        summary: `保存互动设置（公开办）：答复时限 1–${MAX_FEEDBACK_REPLY_DAYS} 个工作日、直达；sensitiveWords 给出时整体替换敏感词表（最多 ${MAX_SENSITIVE_WORDS} 个）`,
        body: Type.Object({
          replyDays: Type.Integer({ minimum: 1, maximum: MAX_FEEDBACK_REPLY_DAYS }),
          direct: Type.Boolean(),
          sensitiveWords: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 2000 })),
        }),
        response: { 200: View },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const body = req.body as { replyDays: number; direct: boolean; sensitiveWords?: string[] };
      // one transaction: settings and the word list are saved together or not at all
      return inTransaction(opContext(req), async (tx) => {
        const s = await saveEngagementSettings(tx, { replyDays: body.replyDays, direct: body.direct });
        const words = body.sensitiveWords
          ? await saveSensitiveWords(tx, { words: body.sensitiveWords.join('\n') })
          : await loadSensitiveWords(tx.db, tx.actor.tenantId);
        return { ...s, sensitiveWords: words };
      });
    },
  );
}
