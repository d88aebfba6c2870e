import type { Client, TestApp } from '../../test/helpers/server.ts';
import { consultationRecipes } from './consultations/audit-recipes.ts';
import { demandRecipes } from './demands/audit-recipes.ts';
import { feedbackRecipes } from './feedback/audit-recipes.ts';
import { engagementSettingsRecipes } from './settings-page/audit-recipes.ts';
import { surveyRecipes } from './surveys/audit-recipes.ts';

/**
 * Recipes of the engagement write routes for test/audit-completeness.test.ts (test support, not a
 * test): each feature exports its own and they are merged here. `env()` is read lazily because the
 * suite builds its app in before().
 */
export interface EngagementRecipe {
  prepare?: () => Promise<unknown>;
  act: (p: never) => Promise<{ statusCode: number; body: string }>;
}
export type EngagementEnv = () => { t: TestApp; office: Client; unitId: string; otherUnitId: string };

export function engagementRecipes(env: EngagementEnv): Record<string, EngagementRecipe> {
  return {
    ...feedbackRecipes(env),
    ...consultationRecipes(env),
    ...demandRecipes(env),
    ...engagementSettingsRecipes(env),
    ...surveyRecipes(env),
  };
}
