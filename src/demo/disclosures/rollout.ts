import { beijingDate, beijingInstant } from '../../jobs/schedule-daily.ts';

/**
 * When each demo unit joined the platform. The demo county went live twelve months before the
 * seed's clock with a pilot (试点): the county level, four townships, six county departments and
 * 桃源镇's 桃源村, 杏花村 and 桃源社区 with their party organisations. Everything else joined at
 * the start of the current month (全县推开). Units get periodic obligations from the day they
 * joined, so the pilot units carry a year of history on the compliance board while the others
 * only owe the current periods — which keeps the year's history to a few hundred obligations that
 * the seeder can fulfil through the real workflow in a few seconds.
 */
export interface DemoTimeline {
  now: Date;
  /** Today in China ('YYYY-MM-DD'). */
  today: string;
  /** Go-live: the first day of the month twelve months ago, 09:00 China time. */
  launch: Date;
  launchDay: string;
  /** 全县推开: the first day of this month, 09:00 China time (or just before now, early on the 1st). */
  rollout: Date;
  rolloutDay: string;
}

export function demoTimeline(now: Date): DemoTimeline {
  const today = beijingDate(now);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const launchDay = `${y - 1}-${String(m).padStart(2, '0')}-01`;
  const rolloutDay = `${today.slice(0, 7)}-01`;
  let rollout = beijingInstant(rolloutDay, 9);
  if (rollout.getTime() > now.getTime() - 3600_000) rollout = new Date(now.getTime() - 3600_000);
  return { now, today, launch: beijingInstant(launchDay, 9), launchDay, rollout, rolloutDay };
}

/** Departments in the pilot (the others joined with the villages). */
export const PILOT_DEPARTMENTS = ['CZJ', 'FGW', 'RSJ', 'NYJ', 'SCJG', 'ZWFW'];
/** Townships in the pilot: 石岗镇, 云岭乡 and 梅林乡 joined with the rollout. */
export const PILOT_TOWNSHIPS = ['QS-TS-TAOYUAN', 'QS-TS-LONGQUAN', 'QS-TS-QINGXI', 'QS-ST-QINGSHAN'];

const PILOT_PLACES = new Set([
  'QS-V-TAOYUAN-01',
  'QS-V-TAOYUAN-02',
  'QS-C-TAOYUAN-01',
  'QS-CPC-V-TAOYUAN-01',
  'QS-CPC-V-TAOYUAN-02',
  'QS-CPC-C-TAOYUAN-01',
]);

/** Did this unit join at go-live (true) or with the county-wide rollout this month (false)? */
export function inPilot(code: string): boolean {
  if (PILOT_PLACES.has(code)) return true;
  // Other villages, communities and their branches joined with the rollout.
  if (/^QS-(CPC-)?[VC]-/.test(code)) return false;
  // Departments' party organisations (some are 机关党支部 with the branch catalog) came later.
  if (code.startsWith('QS-CPC-D-')) return false;
  const dept = /^QS-D-(.+)$/.exec(code);
  if (dept) return PILOT_DEPARTMENTS.includes(dept[1]);
  // Schools, hospitals and the enterprise came with their departments' second batch.
  if (/^QS-(SCH|HOS|ENT)-/.test(code)) return false;
  if (/^QS-(TS|ST)-/.test(code)) return PILOT_TOWNSHIPS.includes(code);
  // County level and the party committees (no periodic entries of their own).
  return true;
}

/** The instant a unit joined the platform. */
export function joinedAt(code: string, t: DemoTimeline): Date {
  return inPilot(code) ? t.launch : t.rollout;
}
