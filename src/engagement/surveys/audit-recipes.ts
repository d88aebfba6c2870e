import type { EngagementEnv, EngagementRecipe } from '../audit-recipes.ts';
import { closeSurvey } from './close-survey.ts';
import { createSurvey } from './create-survey.ts';
import { openSurvey } from './open-survey.ts';

/**
 * Recipes of the survey write routes for test/audit-completeness.test.ts (test support, not a
 * test): prepare() puts a survey in the state the route needs through the real operations.
 */
export function surveyRecipes(env: EngagementEnv): Record<string, EngagementRecipe> {
  const ctx = () => env().t.world.system;
  const input = (audience: 'signed_in' | 'anonymous' = 'signed_in') => ({
    title: `审计测评${Math.random()}`,
    opensOn: '2026-03-01',
    closesOn: '2026-03-31',
    audience,
    unitIds: [env().unitId],
  });
  const at = async (state: 'draft' | 'open' | 'closed', audience?: 'signed_in' | 'anonymous') => {
    const s = await createSurvey(ctx(), input(audience));
    if (state !== 'draft') await openSurvey(ctx(), s.id);
    if (state === 'closed') await closeSurvey(ctx(), s.id);
    return s.id;
  };
  const step = (name: 'open' | 'close' | 'finalize', state: 'draft' | 'open' | 'closed') => ({
    [`POST /admin/surveys/:id/${name}`]: {
      prepare: () => at(state),
      act: ((id: string) =>
        env().office.post(`/admin/surveys/${id}/${name}`, { form: {} })) as EngagementRecipe['act'],
    },
    [`POST /api/v1/surveys/:id/${name}`]: {
      prepare: () => at(state),
      act: ((id: string) =>
        env().office.api('POST', `/api/v1/surveys/${id}/${name}`)) as EngagementRecipe['act'],
    },
  });
  return {
    'POST /admin/surveys': {
      act: () =>
        env().office.post('/admin/surveys', {
          form: {
            title: '页面测评',
            opensOn: '2026-03-01',
            closesOn: '2026-03-31',
            audience: 'signed_in',
            unitIds: env().unitId,
          },
        }),
    },
    'POST /api/v1/surveys': { act: () => env().office.api('POST', '/api/v1/surveys', input()) },
    'POST /admin/surveys/:id': {
      prepare: () => at('draft'),
      act: ((id: string) =>
        env().office.post(`/admin/surveys/${id}`, {
          form: {
            title: '改后测评',
            opensOn: '2026-03-02',
            closesOn: '2026-03-30',
            audience: 'anonymous',
            unitIds: env().unitId,
          },
        })) as EngagementRecipe['act'],
    },
    'PUT /api/v1/surveys/:id': {
      prepare: () => at('draft'),
      act: ((id: string) =>
        env().office.api('PUT', `/api/v1/surveys/${id}`, input('anonymous'))) as EngagementRecipe['act'],
    },
    ...step('open', 'draft'),
    ...step('close', 'open'),
    ...step('finalize', 'closed'),
    'POST /surveys/:id/ratings': {
      prepare: () => at('open', 'anonymous'),
      act: ((id: string) =>
        env()
          .t.client()
          .post(`/surveys/${id}/ratings`, {
            form: { [`r_${env().unitId}`]: 'satisfied' },
          })) as EngagementRecipe['act'],
    },
    'POST /api/v1/public/surveys/:id/ratings': {
      prepare: () => at('open', 'anonymous'),
      act: ((id: string) =>
        env()
          .t.client()
          .api('POST', `/api/v1/public/surveys/${id}/ratings`, {
            ratings: [{ unitId: env().unitId, level: 'basic' }],
          })) as EngagementRecipe['act'],
    },
  };
}
