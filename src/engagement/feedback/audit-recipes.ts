import type { EngagementEnv, EngagementRecipe } from '../audit-recipes.ts';
import { loadSensitiveWords, SENSITIVE_WORDS_KEY, saveSensitiveWords } from '../sensitive-words.ts';
import { enterPaperFeedback } from './enter-paper-feedback.ts';
import { rateFeedback } from './rate-feedback.ts';
import { FEEDBACK_STEPS } from './steps.ts';

/**
 * Recipes of the feedback write routes for test/audit-completeness.test.ts (test support, not a
 * test): prepare() puts a message in the state the route needs through the real operations (as
 * the system); act() calls the route as the office.
 */
type Prepared = { id: string; code: string; secret: string };
type Target = 'held' | 'received' | 'assigned' | 'replied' | 'dissatisfied';

let seq = 0;
export function feedbackRecipes(env: EngagementEnv): Record<string, EngagementRecipe> {
  const sys = () => env().t.world.system;
  const fields = () => {
    seq += 1;
    return {
      kind: 'suggestion',
      subject: `审计留言${seq}`,
      body: `审计用的留言内容，编号 ${seq}-${Date.now()}。`,
    };
  };
  const at = async (target: Target): Promise<Prepared> => {
    let words: string[] | null = null;
    if (target === 'held') {
      words = await loadSensitiveWords(sys().db, sys().actor.tenantId);
      await saveSensitiveWords(sys(), { words: [...words, '审计敏感词'].join('\n') });
    }
    const f = fields();
    const { feedback, secret } = await enterPaperFeedback(sys(), {
      unitId: env().unitId,
      ...f,
      body: target === 'held' ? `${f.body}审计敏感词` : f.body,
    });
    if (words?.length) await saveSensitiveWords(sys(), { words: words.join('\n') });
    else if (words)
      await sys()
        .db.deleteFrom('tenant_settings')
        .where('tenant_id', '=', sys().actor.tenantId)
        .where('key', '=', SENSITIVE_WORDS_KEY)
        .execute();
    const id = feedback.id;
    if (target === 'assigned' || target === 'replied' || target === 'dissatisfied')
      await FEEDBACK_STEPS.route(sys(), id, {});
    if (target === 'replied' || target === 'dissatisfied')
      await FEEDBACK_STEPS.reply(sys(), id, { body: '审计答复内容' });
    if (target === 'dissatisfied')
      await rateFeedback(
        { ...sys(), ip: '192.0.2.10' },
        { code: feedback.tracking_code, secret, rating: 'dissatisfied' },
      );
    return { id, code: feedback.tracking_code, secret };
  };
  const unitCode = async () =>
    (
      await env()
        .t.db.db.selectFrom('units')
        .select('code')
        .where('id', '=', env().unitId)
        .executeTakeFirstOrThrow()
    ).code;
  const office = () => env().office;
  const stepTargets: Record<string, Target> = {
    moderate: 'held',
    route: 'received',
    accept: 'assigned',
    reply: 'assigned',
    'cannot-handle': 'assigned',
    close: 'replied',
    reopen: 'dissatisfied',
  };
  const stepBody: Record<string, Record<string, string>> = {
    moderate: { decision: 'release' },
    route: {},
    accept: {},
    reply: { body: '审计答复' },
    'cannot-handle': { reason: '审计原因' },
    close: {},
    reopen: {},
  };
  const out: Record<string, EngagementRecipe> = {
    'POST /units/:code/feedback': {
      prepare: unitCode,
      act: (code: string) => office().post(`/units/${code}/feedback`, { form: fields() }),
    },
    'POST /api/v1/feedback': {
      act: () => office().api('POST', '/api/v1/feedback', { unitId: env().unitId, ...fields() }),
    },
    'POST /admin/feedback/paper': {
      act: () => office().post('/admin/feedback/paper', { form: { unitId: env().unitId, ...fields() } }),
    },
    'POST /api/v1/feedback/paper': {
      act: () => office().api('POST', '/api/v1/feedback/paper', { unitId: env().unitId, ...fields() }),
    },
    'POST /feedback/track': {
      prepare: () => at('received'),
      act: (p: Prepared) => office().post('/feedback/track', { form: { code: p.code, secret: p.secret } }),
    },
    'POST /api/v1/feedback/track': {
      prepare: () => at('received'),
      act: (p: Prepared) =>
        office().api('POST', '/api/v1/feedback/track', { code: p.code, secret: p.secret }),
    },
    'POST /feedback/track/rate': {
      prepare: () => at('replied'),
      act: (p: Prepared) =>
        office().post('/feedback/track/rate', {
          form: { code: p.code, secret: p.secret, rating: 'satisfied' },
        }),
    },
    'POST /api/v1/feedback/rate': {
      prepare: () => at('replied'),
      act: (p: Prepared) =>
        office().api('POST', '/api/v1/feedback/rate', { code: p.code, secret: p.secret, rating: 'basic' }),
    },
  };
  for (const step of Object.keys(FEEDBACK_STEPS)) {
    out[`POST /admin/feedback/:id/${step}`] = {
      prepare: () => at(stepTargets[step]),
      act: (p: Prepared) => office().post(`/admin/feedback/${p.id}/${step}`, { form: stepBody[step] }),
    };
    out[`POST /api/v1/feedback/:id/${step}`] = {
      prepare: () => at(stepTargets[step]),
      act: (p: Prepared) => office().api('POST', `/api/v1/feedback/${p.id}/${step}`, stepBody[step]),
    };
  }
  return out;
}
