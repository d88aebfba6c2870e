import type { EngagementEnv, EngagementRecipe } from '../audit-recipes.ts';

/** Recipes of the engagement settings routes for test/audit-completeness.test.ts (test support). */
export function engagementSettingsRecipes(env: EngagementEnv): Record<string, EngagementRecipe> {
  return {
    'POST /admin/engagement/settings': {
      act: () =>
        env().office.post('/admin/engagement/settings', { form: { replyDays: '7', direct: 'true' } }),
    },
    'POST /admin/engagement/settings/words': {
      act: () =>
        env().office.post('/admin/engagement/settings/words', { form: { words: '审计词甲\n审计词乙' } }),
    },
    'PUT /api/v1/engagement/settings': {
      act: () => env().office.api('PUT', '/api/v1/engagement/settings', { replyDays: 5, direct: false }),
    },
  };
}
