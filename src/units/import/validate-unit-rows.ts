import type { Actor } from '../../auth/actor.ts';
import { can } from '../../auth/policy.ts';
import type { DbOrTx, Sphere, Unit, UnitKind } from '../../db/types.ts';
import { kindFromLabel, parentAccepts, sphereOf, UNIT_KINDS } from '../kinds.ts';
import {
  COLUMNS,
  type ColumnKey,
  charLength,
  columnHeader,
  type ImportError,
  type UnitImportRow,
} from './columns.ts';

/** Where a row's parent (or host) is: an existing unit, or another row of the file (by index). */
export type UnitRef = { unit: Unit } | { index: number };

export interface PlannedUnit {
  row: UnitImportRow;
  kind: UnitKind;
  sortOrder: number | undefined;
  parent: UnitRef;
  host: UnitRef | null;
}

export interface UnitRowsValidation {
  errors: ImportError[];
  /** The rows in insertion order (parents and hosts first). Empty unless errors is empty. */
  plan: PlannedUnit[];
  /** The deepest existing unit above every existing parent: scopes the batch's audit entries. */
  anchorUnitId: string | null;
}

// The same rules as CreateUnitInput (src/units/schemas.ts), checked here so that a row that
// passes the preview also passes createUnit at commit time and errors point at a row.
const CODE_RE = /^[A-Za-z0-9._-]+$/;
const DIGITS_RE = /^[0-9]+$/;
const MAX_SORT_ORDER = 100000;
const LOOKUP_CHUNK = 500;

/**
 * Checks import rows against each other and against the units of the actor's tenant as they are
 * now. Called by the preview and again by the commit, because units may be created, retired or
 * moved and grants may change between the two.
 */
export async function validateUnitRows(
  db: DbOrTx,
  actor: Actor,
  rows: UnitImportRow[],
): Promise<UnitRowsValidation> {
  const existing = await unitsByCode(
    db,
    actor.tenantId,
    rows.flatMap((r) => [r.code, r.parentCode, r.hostCode]),
  );
  const errors: ImportError[] = [];
  const fail = (i: number, field: ColumnKey, code: string, params: ImportError['params'] = {}) =>
    errors.push({ row: rows[i].row, field, code, params });

  // Cell-level checks, and the index of the first row carrying each code.
  const firstByCode = new Map<string, number>();
  const kinds: (UnitKind | null)[] = rows.map((r, i) => {
    for (const c of COLUMNS) {
      const v = r[c.key];
      if (v === '') {
        if (c.required) fail(i, c.key, 'import.row.required', { column: c.header });
      } else if (c.max !== undefined && charLength(v) > c.max)
        fail(i, c.key, 'import.row.too_long', { column: c.header, limit: c.max });
    }
    if (r.code !== '' && charLength(r.code) <= 40 && !CODE_RE.test(r.code)) invalid(i, 'code');
    if (r.adminCode !== '' && charLength(r.adminCode) <= 12 && !DIGITS_RE.test(r.adminCode))
      invalid(i, 'adminCode');
    if (r.sortOrder !== '' && !(DIGITS_RE.test(r.sortOrder) && Number(r.sortOrder) <= MAX_SORT_ORDER))
      invalid(i, 'sortOrder');
    if (r.code !== '') {
      const first = firstByCode.get(r.code);
      if (first !== undefined)
        fail(i, 'code', 'import.row.duplicate_code', { code: r.code, other: rows[first].row });
      else firstByCode.set(r.code, i);
      if (existing.has(r.code)) fail(i, 'code', 'import.row.code_exists', { code: r.code });
    }
    if (r.kind === '') return null;
    const kind = kindFromLabel(r.kind);
    // The region root is made with the tenant, never imported.
    if (!kind || kind === 'region') {
      fail(i, 'kind', 'import.row.kind', { kind: r.kind });
      return null;
    }
    return kind;
  });
  function invalid(i: number, key: ColumnKey) {
    fail(i, key, 'import.row.invalid', { column: columnHeader(key) });
  }

  // An existing unit wins over a row with the same code: that row is an error anyway
  // (code_exists), and its children most likely mean the unit already in the system.
  const resolve = (code: string): UnitRef | null => {
    const unit = existing.get(code);
    if (unit) return { unit };
    const index = firstByCode.get(code);
    return index === undefined ? null : { index };
  };
  const parents = rows.map((r) => (r.parentCode === '' ? null : resolve(r.parentCode)));
  rows.forEach((r, i) => {
    if (r.parentCode !== '' && parents[i] === null)
      fail(i, 'parentCode', 'import.row.unknown_parent', { code: r.parentCode });
  });

  const inCycle = findCycles(rows, parents, (i, chain) =>
    fail(i, 'parentCode', 'import.row.cycle', { chain }),
  );

  // Existing parents: may the actor add units there, and does the sphere fit?
  const parentUsable = rows.map((_, i) => {
    const ref = parents[i];
    if (!ref || !('unit' in ref)) return false;
    const p = ref.unit;
    // Ask with the unit taken as active so that a retired parent the actor would otherwise
    // manage gets the precise message, and one outside its scope reveals nothing more.
    if (!can(actor, 'unit.manage', { id: p.id, path: p.path, sphere: p.sphere, status: 'active' })) {
      fail(i, 'parentCode', 'import.row.parent_forbidden', { code: p.code });
      return false;
    }
    checkSphere(i, p.sphere, p.name);
    if (p.status !== 'active') {
      fail(i, 'parentCode', 'import.row.parent_retired', { code: p.code });
      return false;
    }
    return true;
  });
  function checkSphere(i: number, parentSphere: Sphere, parentName: string) {
    const kind = kinds[i];
    if (kind && !parentAccepts(parentSphere, sphereOf(kind)))
      fail(i, 'kind', 'import.row.sphere', { kind: UNIT_KINDS[kind].label, parent: parentName });
  }

  // Parents in the file: the unit will not exist until the commit, so authorization is asked on
  // the place it will take in the tree (the path below its nearest existing ancestor). Only a
  // subtree grant can cover it — exactly what createUnit will find when it runs.
  const paths = virtualPaths(rows, parents, inCycle, parentUsable);
  rows.forEach((r, i) => {
    const ref = parents[i];
    if (!ref || !('index' in ref) || inCycle[i]) return;
    const j = ref.index;
    const parentKind = kinds[j];
    const parentPath = paths[j];
    if (!parentKind) return;
    const sphere = sphereOf(parentKind);
    // An unplaced parent (unknown, forbidden or retired further up) is reported on the row where
    // the problem is; repeating it on every descendant would bury it.
    if (parentPath !== null) {
      const place = { id: `~row${rows[j].row}`, path: parentPath, sphere, status: 'active' as const };
      if (!can(actor, 'unit.manage', place)) {
        fail(i, 'parentCode', 'import.row.parent_forbidden', { code: r.parentCode });
        return;
      }
    }
    checkSphere(i, sphere, rows[j].name);
  });

  // Hosts: only a party organisation sits in a government unit (村党支部 → 村).
  const hosts = rows.map((r, i): UnitRef | null => {
    if (r.hostCode === '') return null;
    const kind = kinds[i];
    if (kind && sphereOf(kind) !== 'party') {
      fail(i, 'hostCode', 'import.row.host_not_party');
      return null;
    }
    const ref = resolve(r.hostCode);
    const ok =
      ref !== null &&
      ('unit' in ref
        ? ref.unit.status === 'active' && ref.unit.sphere === 'government'
        : // a host row of unknown kind already carries its own error
          kinds[ref.index] === null || sphereOf(kinds[ref.index]!) === 'government');
    if (!ok) fail(i, 'hostCode', 'unit.host_invalid', { code: r.hostCode });
    return ok ? ref : null;
  });

  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || colOrder(a.field) - colOrder(b.field));
  const anchorUnitId = commonAncestor(parents.flatMap((p) => (p && 'unit' in p ? [p.unit.path] : [])));
  if (errors.length > 0) return { errors, plan: [], anchorUnitId };
  const planned = rows.map(
    (row, i): PlannedUnit => ({
      row,
      kind: kinds[i]!,
      sortOrder: row.sortOrder === '' ? undefined : Number(row.sortOrder),
      parent: parents[i]!,
      host: hosts[i],
    }),
  );
  return { errors, plan: insertionOrder(planned), anchorUnitId };
}

function colOrder(field: ColumnKey | undefined): number {
  return field ? COLUMNS.findIndex((c) => c.key === field) : -1;
}

async function unitsByCode(db: DbOrTx, tenantId: string, codes: string[]): Promise<Map<string, Unit>> {
  const wanted = [...new Set(codes.filter((c) => c !== ''))];
  const found = new Map<string, Unit>();
  // Chunked so a 5000-row file stays under every driver's bind-parameter limit.
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const units = await db
      .selectFrom('units')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('code', 'in', wanted.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const u of units) found.set(u.code, u);
  }
  return found;
}

/**
 * Marks the rows whose parent chain within the file loops back on itself and reports each of them
 * with the loop as seen from that row ('A → B → A'). Iterative: a file may hold a 5000-deep chain.
 */
function findCycles(
  rows: UnitImportRow[],
  parents: (UnitRef | null)[],
  report: (i: number, chain: string) => void,
): boolean[] {
  const state = rows.map(() => 0); // 0 unvisited, 1 on the current walk, 2 done
  const inCycle = rows.map(() => false);
  const next = (i: number) => {
    const ref = parents[i];
    return ref && 'index' in ref ? ref.index : -1;
  };
  for (let start = 0; start < rows.length; start += 1) {
    const walk: number[] = [];
    let cur = start;
    while (cur !== -1 && state[cur] === 0) {
      state[cur] = 1;
      walk.push(cur);
      cur = next(cur);
    }
    if (cur !== -1 && state[cur] === 1) {
      const loop = walk.slice(walk.indexOf(cur));
      loop.forEach((i, k) => {
        inCycle[i] = true;
        const seq = [...loop.slice(k), ...loop.slice(0, k), i].map((j) => rows[j].code);
        report(i, seq.join(' → '));
      });
    }
    for (const i of walk) state[i] = 2;
  }
  return inCycle;
}

/**
 * The path each row's unit would get: its nearest existing ancestor's path followed by placeholder
 * segments. null where the chain ends in an unknown, forbidden or retired parent, or a loop.
 */
function virtualPaths(
  rows: UnitImportRow[],
  parents: (UnitRef | null)[],
  inCycle: boolean[],
  parentUsable: boolean[],
): (string | null)[] {
  const paths: (string | null | undefined)[] = rows.map((_, i) => (inCycle[i] ? null : undefined));
  for (let i = 0; i < rows.length; i += 1) {
    if (paths[i] !== undefined) continue;
    const chain: number[] = [];
    let cur = i;
    let base: string | null;
    for (;;) {
      chain.push(cur);
      const ref = parents[cur];
      if (ref && 'index' in ref) {
        if (paths[ref.index] !== undefined) {
          base = paths[ref.index]!;
          break;
        }
        cur = ref.index;
        continue;
      }
      base = ref && parentUsable[cur] ? ref.unit.path : null;
      break;
    }
    for (let k = chain.length - 1; k >= 0; k -= 1) {
      const j = chain[k];
      paths[j] = base === null ? null : `${base}~row${rows[j].row}/`;
      base = paths[j]!;
    }
  }
  return paths as (string | null)[];
}

function commonAncestor(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let common = paths[0].split('/').filter(Boolean);
  for (const p of paths.slice(1)) {
    const segs = p.split('/').filter(Boolean);
    let n = 0;
    while (n < common.length && n < segs.length && common[n] === segs[n]) n += 1;
    common = common.slice(0, n);
  }
  return common.at(-1) ?? null;
}

/** Parents and hosts before the rows that need them; otherwise file order. */
function insertionOrder(planned: PlannedUnit[]): PlannedUnit[] {
  const waiting = planned.map(() => 0);
  const dependents: number[][] = planned.map(() => []);
  planned.forEach((p, i) => {
    for (const ref of [p.parent, p.host]) {
      if (ref && 'index' in ref) {
        waiting[i] += 1;
        dependents[ref.index].push(i);
      }
    }
  });
  const order = planned.flatMap((_, i) => (waiting[i] === 0 ? [i] : []));
  for (let k = 0; k < order.length; k += 1)
    for (const d of dependents[order[k]]) {
      waiting[d] -= 1;
      if (waiting[d] === 0) order.push(d);
    }
  // Validation rejects loops, so this only fires on a bug; better to stop than insert half a tree.
  if (order.length !== planned.length) throw new Error('unit import: rows depend on each other in a loop');
  return order.map((i) => planned[i]);
}
