import type { CatalogDomain } from '../../db/types.ts';
import type { ColumnFact, EntryFact } from './board-facts.ts';
import {
  addCount,
  type BoardRow,
  type BoardUnit,
  type CellCounts,
  emptyCells,
  emptyCounts,
  type StaleColumn,
} from './board-model.ts';

export interface AssembleInput {
  /** Units in scope, in tree order. */
  units: BoardUnit[];
  facts: ColumnFact[];
  entries: Map<string, EntryFact>;
  /** Live "not applicable" claims as 'unit|entry'. */
  claims: Set<string>;
  domain?: CatalogDomain;
  staleCutoff: string;
  /** The board setting behind staleCutoff (today − staleDays). */
  staleDays: number;
}

const OPEN = new Set(['overdue', 'due_soon', 'upcoming']);

/** Days a column may stay quiet beyond its own period: a yearly column is not stale in March. */
const PERIOD_DAYS: Record<string, number> = { monthly: 31, quarterly: 92, half_yearly: 183, yearly: 366 };
const GRACE_DAYS = 31;

/** The stale cut-off of one column: the board's, or a whole period plus a month back if longer. */
function columnCutoff(staleCutoff: string, staleDays: number, period: string | null): string {
  const quiet = (PERIOD_DAYS[period ?? ''] ?? 0) + GRACE_DAYS;
  if (quiet <= staleDays) return staleCutoff;
  const d = new Date(`${staleCutoff}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (quiet - staleDays));
  return d.toISOString().slice(0, 10);
}

/**
 * Grid, totals and stale columns from the per-(unit, entry, class) facts (pure). A fulfilled
 * obligation always counts; an open one only while its column is live for the unit (entry and
 * catalog active, no live claim). A live periodic column is stale (僵尸栏目) when its earliest
 * obligation in view fell due before the stale cut-off and nothing was fulfilled since the cut-off;
 * for a column whose period is longer than the stale window, the cut-off is a whole period plus a
 * month back (a yearly column published in January is not stale in June).
 */
export function assembleBoard(input: AssembleInput): {
  rows: BoardRow[];
  totals: CellCounts;
  stale: StaleColumn[];
} {
  const byUnit = new Map<string, BoardRow>();
  const totals = emptyCounts();
  const columns = new Map<
    string,
    { unitId: string; entryId: string; firstDue: string; lastItem: string | null }
  >();
  for (const f of input.facts) {
    const entry = input.entries.get(f.entryId);
    if (!entry || (input.domain && entry.domain !== input.domain)) continue;
    const live = entry.live && !input.claims.has(`${f.unitId}|${f.entryId}`);
    if (OPEN.has(f.cls) && !live) continue;
    let row = byUnit.get(f.unitId);
    if (!row) {
      row = { unit: null as unknown as BoardUnit, cells: emptyCells(), total: emptyCounts() };
      byUnit.set(f.unitId, row);
    }
    addCount(row.cells[entry.domain], f.cls, f.n);
    addCount(row.total, f.cls, f.n);
    addCount(totals, f.cls, f.n);
    if (!live || entry.timing !== 'periodic') continue;
    const key = `${f.unitId}|${f.entryId}`;
    const c = columns.get(key);
    if (!c)
      columns.set(key, { unitId: f.unitId, entryId: f.entryId, firstDue: f.firstDue, lastItem: f.lastItem });
    else {
      if (f.firstDue < c.firstDue) c.firstDue = f.firstDue;
      if (f.lastItem && (!c.lastItem || f.lastItem > c.lastItem)) c.lastItem = f.lastItem;
    }
  }
  const rows: BoardRow[] = [];
  const pos = new Map<string, number>();
  for (const u of input.units) {
    pos.set(u.id, pos.size);
    const row = byUnit.get(u.id);
    if (row) rows.push({ ...row, unit: u });
  }
  const names = new Map(input.units.map((u) => [u.id, u.name]));
  const stale = [...columns.values()]
    .filter((c) => {
      const cutoff = columnCutoff(
        input.staleCutoff,
        input.staleDays,
        input.entries.get(c.entryId)?.period ?? null,
      );
      return c.firstDue < cutoff && (c.lastItem === null || c.lastItem < cutoff);
    })
    .map((c) => {
      const e = input.entries.get(c.entryId)!;
      return { ...c, unitName: names.get(c.unitId) ?? '', domain: e.domain, item: e.item, sort: e.sort };
    })
    .sort((a, b) => (pos.get(a.unitId) ?? 0) - (pos.get(b.unitId) ?? 0) || a.sort - b.sort)
    .map(({ unitId, unitName, entryId, domain, item, lastItem }) => ({
      unitId,
      unitName,
      entryId,
      domain,
      item,
      lastItem,
    }));
  return { rows, totals, stale };
}
