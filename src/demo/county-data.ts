import type { RoleName, UnitKind } from '../db/types.ts';

/**
 * The demo county 青山县 — fictional, but shaped like a real county so that every screen has
 * something plausible to show. Pure data: the seeder (seed-demo.ts) turns it into rows through
 * the real operations. The units and the people live in their own files to keep each short.
 */
export const DEMO_TENANT = { code: 'qingshan', name: '青山县', rootCode: 'qingshan' } as const;

export interface DemoUnit {
  /** ASCII, unique within the tenant; the seeder resolves parentCode/hostCode through it. */
  code: string;
  name: string;
  kind: Exclude<UnitKind, 'region'>;
  /** The region root's code ('qingshan') for units directly under the root. */
  parentCode: string;
  /** 行政区划代码 (12 digits): fictional county 360799, so it collides with no real place. */
  adminCode?: string;
  /** Party organisations only: the government unit they sit in (村党支部 → 村). */
  hostCode?: string;
  contactPhone?: string;
  address?: string;
}

export interface DemoGrant {
  role: RoleName;
  unitCode: string;
  coversSubtree: boolean;
}

export interface DemoPerson {
  username: string;
  displayName: string;
  /** Home unit (所属单位). */
  unitCode: string;
  phone?: string;
  grants: DemoGrant[];
  /** One line for the README table: what this account can do. */
  description: string;
}

export { DEMO_PEOPLE } from './county-people.ts';
export { DEMO_UNITS } from './county-units.ts';
