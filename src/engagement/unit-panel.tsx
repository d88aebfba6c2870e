import type { VNode } from 'preact';
import type { Actor } from '../auth/actor.ts';
import type { Db, Unit } from '../db/types.ts';
import { consultationUnitPanel } from './consultations/unit-panel.tsx';
import { demandUnitPanel } from './demands/unit-panel.tsx';
import { echoWallPanel } from './feedback/unit-panel.tsx';
import { feedbackStatsPanel } from './feedback-stats/unit-panel.tsx';
import { surveyUnitPanel } from './surveys/unit-panel.tsx';

/** One feature's part of a unit's public page (echo wall, open consultations, 点单 demands, …). */
export type UnitPanel = (db: Db, actor: Actor, unit: Unit, today: string) => Promise<VNode | null>;

/** The engagement sections of a unit's public page, in page order; each feature adds its panel. */
const PANELS: UnitPanel[] = [
  echoWallPanel,
  consultationUnitPanel,
  demandUnitPanel,
  feedbackStatsPanel,
  surveyUnitPanel,
];

export async function unitEngagementPanels(
  db: Db,
  actor: Actor,
  unit: Unit,
  today: string,
): Promise<VNode[]> {
  const parts = await Promise.all(PANELS.map((panel) => panel(db, actor, unit, today)));
  return parts.filter((p): p is VNode => p !== null);
}
