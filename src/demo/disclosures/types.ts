import type { Audience } from '../../db/types.ts';
import type { Ledger } from './finance.ts';
import type { Rng } from './text.ts';

/** What a text template knows about the item it writes. */
export interface ItemContext {
  /** The unit's own name: 桃源村, 桃源镇, 青山县财政局, 中共桃源镇桃源村支部委员会. */
  unit: string;
  /** How the unit calls itself in running text: 本村, 本镇, 本局, 本支部. */
  self: string;
  /** Short name for titles: 桃源村, 桃源村党支部, 县财政局. */
  short: string;
  /** The township the unit belongs to ('' for county units). */
  town: string;
  /** Period key and its label (periodic entries): 2026-Q1, 2026年第1季度. */
  periodKey?: string;
  label: string;
  year: number;
  /** Month / quarter / half of the period, 0 when not applicable. */
  month: number;
  quarter: number;
  half: number;
  /** Publication day and the day the matter was decided ('YYYY-MM-DD'). */
  day: string;
  decided: string;
  rng: Rng;
  /** Village finance: the month's journal (monthly entries) or the quarter's last month (quarterly). */
  ledger?: Ledger;
}

export interface Content {
  title: string;
  /** HTML (sanitised by the platform) or plain lines. */
  body: string;
  /** Narrower than the entry's (e.g. a public entry kept 本单位). */
  audience?: Audience;
}

export type Template = (c: ItemContext) => Content;
