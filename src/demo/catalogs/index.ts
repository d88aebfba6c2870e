import type { DemoCatalog } from './build.ts';
import { COMMUNITY_AFFAIRS, COMMUNITY_FINANCE } from './community.ts';
import { DEPARTMENT_GOVERNMENT } from './department-government.ts';
import { PARTY_GRASSROOTS } from './party-grassroots.ts';
import { TOWNSHIP_GOVERNMENT } from './township-government.ts';
import { VILLAGE_AFFAIRS } from './village-affairs.ts';
import { VILLAGE_FINANCE } from './village-finance.ts';

/** The starter guiding catalogs the demo county's office ships, in the order they are created. */
export const DEMO_CATALOGS: readonly DemoCatalog[] = [
  DEPARTMENT_GOVERNMENT,
  TOWNSHIP_GOVERNMENT,
  VILLAGE_AFFAIRS,
  VILLAGE_FINANCE,
  COMMUNITY_AFFAIRS,
  COMMUNITY_FINANCE,
  PARTY_GRASSROOTS,
];

export type { DemoCatalog } from './build.ts';
