import { APPLICANT_KINDS, OUTCOME_KEYS, REMEDY_KINDS, REMEDY_RESULTS } from '../outcomes.ts';
import {
  type AnnualRequestTables,
  type ReportCheck,
  type ReportRecord,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_LINES,
  TABLE3_ROW_KEYS,
  TABLE4_GROUP_LABELS,
  type Table3,
  type Table3RowKey,
  type Table4,
} from './model.ts';

const TOTAL = APPLICANT_KINDS.length; // index of 总计

const emptyRow = () => new Array<number>(TABLE3_COLUMNS.length).fill(0);

/**
 * Where a record stands in a year: new (received in it), carried over (received before and not
 * finished before it), finished in it (then its outcome row), carried forward (not finished by 31 Dec).
 */
export function standing(r: ReportRecord, year: number) {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const received = r.receivedDate;
  const closed = r.closedDate;
  return {
    isNew: received >= start && received <= end,
    carried: received < start && (closed === null || closed >= start),
    finished: closed !== null && closed >= start && closed <= end && received <= end,
    forward: received <= end && (closed === null || closed > end),
  };
}

/** Table 三 for a year: pure, over all records of the unit or subtree. */
export function computeTable3(records: readonly ReportRecord[], year: number): Table3 {
  const t = Object.fromEntries(TABLE3_ROW_KEYS.map((k) => [k, emptyRow()])) as Table3;
  const add = (row: Table3RowKey, col: number) => {
    t[row][col] += 1;
    t[row][TOTAL] += 1;
  };
  for (const r of records) {
    const col = APPLICANT_KINDS.indexOf(r.applicantKind);
    if (col < 0) continue;
    const s = standing(r, year);
    if (s.isNew) add('new', col);
    if (s.carried) add('carried', col);
    if (s.finished) {
      add(r.outcome ?? 'other', col);
      add('finished', col);
    }
    if (s.forward) add('forward', col);
  }
  return t;
}

/**
 * Table 四 for a year: the reconsiderations and lawsuits filed in the year, each under its result
 * as of 31 December (decided later, or still undecided: 尚未审结).
 */
export function computeTable4(records: readonly ReportRecord[], year: number): Table4 {
  const t = Object.fromEntries(REMEDY_KINDS.map((k) => [k, new Array<number>(5).fill(0)])) as Table4;
  const end = `${year}-12-31`;
  for (const r of records)
    for (const m of r.remedies) {
      if (m.filedDate.slice(0, 4) !== String(year)) continue;
      const decided = m.decidedDate !== null && m.decidedDate <= end;
      const result = decided ? m.result : 'pending';
      t[m.kind][REMEDY_RESULTS.indexOf(result)] += 1;
      t[m.kind][4] += 1;
    }
  return t;
}

const colLabel = (i: number) => TABLE3_COLUMN_LABELS[TABLE3_COLUMNS[i]];
const rowLabel = (k: Table3RowKey) => TABLE3_LINES.find((l) => l.key === k)?.label ?? k;

/**
 * The consistency checks of the report format, over the tables as they stand (computed or typed
 * in): 一 + 二 = 三(七) + 四 per column; 三(七) = the sum of the outcome rows; 总计 = the six
 * applicant columns in every row; this year's 二 = last year's 四 (when last year's table is
 * given); and in table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结 per group.
 */
export function checkTables(table3: Table3, table4: Table4, previous: Table3 | null): ReportCheck[] {
  const cols = TABLE3_COLUMNS.map((_, i) => i);
  const balance = cols
    .filter((i) => table3.new[i] + table3.carried[i] !== table3.finished[i] + table3.forward[i])
    .map(colLabel);
  const finishedSum = cols
    .filter((i) => OUTCOME_KEYS.reduce((s, k) => s + table3[k][i], 0) !== table3.finished[i])
    .map(colLabel);
  const rowTotals = TABLE3_ROW_KEYS.filter((k) => {
    const row = table3[k];
    return row.slice(0, TOTAL).reduce((s, v) => s + v, 0) !== row[TOTAL];
  }).map(rowLabel);
  const carry = previous ? cols.filter((i) => table3.carried[i] !== previous.forward[i]).map(colLabel) : [];
  const t4 = REMEDY_KINDS.filter(
    (k) => table4[k].slice(0, 4).reduce((s, v) => s + v, 0) !== table4[k][4],
  ).map((k) => TABLE4_GROUP_LABELS[k]);
  const check = (key: ReportCheck['key'], failures: string[]): ReportCheck => ({
    key,
    passed: failures.length === 0,
    failures,
  });
  return [
    check('balance', balance),
    check('finished_sum', finishedSum),
    check('row_totals', rowTotals),
    previous ? check('carry_over', carry) : { key: 'carry_over', passed: null, failures: [] },
    check('table4_totals', t4),
  ];
}

/** Both tables for a year with their checks; last year's table comes from the same records. */
export function computeAnnualTables(records: readonly ReportRecord[], year: number): AnnualRequestTables {
  const table3 = computeTable3(records, year);
  const table4 = computeTable4(records, year);
  const previous = computeTable3(records, year - 1);
  return { year, table3, table4, checks: checkTables(table3, table4, previous) };
}
