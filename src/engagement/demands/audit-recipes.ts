import type { EngagementEnv, EngagementRecipe } from '../audit-recipes.ts';
import { saveSensitiveWords } from '../sensitive-words.ts';
import { submitDemand } from './submit-demand.ts';

/**
 * Recipes of the 点单 routes for test/audit-completeness.test.ts (test support, not a test):
 * prepare() makes a demand in the state the route needs through the real operations (a fresh IP
 * each, so the per-IP limit never bites); act() calls the route as the office.
 */
export function demandRecipes(env: EngagementEnv): Record<string, EngagementRecipe> {
  let seq = 0;
  const demand = async (held = false): Promise<string> => {
    seq += 1;
    const ctx = { ...env().t.world.system, now: env().t.clock.now(), ip: `10.13.0.${seq}` };
    if (held) await saveSensitiveWords(ctx, { words: '点单审计敏感词' });
    const d = await submitDemand(ctx, {
      unitId: env().unitId,
      title: `审计点单事项${seq}${held ? '点单审计敏感词' : ''}`,
      description: '希望公开相关情况说明',
    });
    return d.id;
  };
  const form = (n: string) => ({
    unitId: env().unitId,
    title: `页面点单事项${n}`,
    description: '希望公开相关情况',
  });
  return {
    'POST /demands': { act: () => env().office.post('/demands', { form: form('甲') }) },
    'POST /api/v1/public/demands': {
      act: () => env().office.api('POST', '/api/v1/public/demands', form('乙')),
    },
    'POST /demands/:id/support': {
      prepare: () => demand(),
      act: (id: string) => env().office.post(`/demands/${id}/support`, { form: {} }),
    },
    'POST /api/v1/public/demands/:id/support': {
      prepare: () => demand(),
      act: (id: string) => env().office.api('POST', `/api/v1/public/demands/${id}/support`),
    },
    'POST /admin/demands/:id/moderate': {
      prepare: () => demand(true),
      act: (id: string) =>
        env().office.post(`/admin/demands/${id}/moderate`, { form: { decision: 'release' } }),
    },
    'POST /api/v1/demands/:id/moderate': {
      prepare: () => demand(true),
      act: (id: string) =>
        env().office.api('POST', `/api/v1/demands/${id}/moderate`, { decision: 'reject', note: '不宜公开' }),
    },
    'POST /admin/demands/:id/answer': {
      prepare: () => demand(),
      act: (id: string) =>
        env().office.post(`/admin/demands/${id}/answer`, {
          form: { kind: 'cannot_disclose', ground: 'withheld_third_party', explanation: '涉及第三方权益' },
        }),
    },
    'POST /api/v1/demands/:id/answer': {
      prepare: () => demand(),
      act: (id: string) =>
        env().office.api('POST', `/api/v1/demands/${id}/answer`, {
          kind: 'added_to_catalog',
          domain: 'government',
          level1: '点单事项',
          item: '审计新增事项',
          timing: 'standing',
        }),
    },
  };
}
