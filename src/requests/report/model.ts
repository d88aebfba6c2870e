import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  type ApplicantKind,
  OUTCOMES,
  type OutcomeKey,
  REMEDY_KINDS,
  REMEDY_RESULTS,
  type RemedyKind,
  type RemedyResult,
} from '../outcomes.ts';

/**
 * The annual report's request tables (政府信息公开工作年度报告 三 and 四, 国办公开办函〔2021〕30号;
 * shared/reference/regulations.md §2.3–§2.4) as data: the official rows and columns, and the
 * normalized record the numbers are computed from.
 */

/**
 * One request as the report sees it. Year-independent: whether it is new (一), carried over from
 * the previous year (二), finished (三) or carried forward (四) in a given year follows from its dates.
 */
export interface ReportRecord {
  applicantKind: ApplicantKind;
  /** 收到申请之日 (Art. 31), YYYY-MM-DD. Requests still awaiting confirmation are not records. */
  receivedDate: string;
  /** The day the request was finished (reply delivered or ended), or null while it is open. */
  closedDate: string | null;
  /** Final outcome = the 三 row it counts in; a finished request without one counts as （六）3 其他. */
  outcome: OutcomeKey | null;
  /** 行政复议 and 行政诉讼 brought over this request. */
  remedies: RemedyRecord[];
}

export interface RemedyRecord {
  kind: RemedyKind;
  /** The result when decided; 'pending' while 尚未审结. */
  result: RemedyResult;
  filedDate: string;
  decidedDate: string | null;
}

/** The 7 numeric columns of table 三: the six applicant kinds, then 总计. */
export const TABLE3_COLUMNS: readonly (ApplicantKind | 'total')[] = [...APPLICANT_KINDS, 'total'];
export const TABLE3_COLUMN_LABELS: Record<ApplicantKind | 'total', string> = {
  ...APPLICANT_KIND_LABELS,
  total: '总计',
};
export const TABLE3_STUB_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export type Table3RowKey = 'new' | 'carried' | OutcomeKey | 'finished' | 'forward';

/** A printed line of table 三: a data row (key) or a group header (no numbers). */
export interface Table3Line {
  key: Table3RowKey | null;
  /** The official label as printed, with its numbering. */
  label: string;
  /** 0 = 一/二/三/四, 1 = （一）…（七）, 2 = 1. 2. … under a group. */
  level: 0 | 1 | 2;
}

const outcome = (key: OutcomeKey) => OUTCOMES.find((o) => o.key === key)!;
const subRow = (key: OutcomeKey): Table3Line => {
  const o = outcome(key);
  return { key, label: `${o.row.replace(/^（.）/, '')}.${o.label}`, level: 2 };
};
const group = (key: OutcomeKey): Table3Line => {
  const o = outcome(key);
  return { key, label: `${o.row}${o.label}`, level: 1 };
};

/** The 28 data rows (and 7 group headers) of table 三 in printed order. */
export const TABLE3_LINES: readonly Table3Line[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', level: 0 },
  { key: 'carried', label: '二、上年结转政府信息公开申请数量', level: 0 },
  { key: null, label: '三、本年度办理结果', level: 0 },
  group('disclosed'),
  group('partial'),
  { key: null, label: '（三）不予公开', level: 1 },
  ...OUTCOMES.filter((o) => o.row.startsWith('（三）')).map((o) => subRow(o.key)),
  { key: null, label: '（四）无法提供', level: 1 },
  ...OUTCOMES.filter((o) => o.row.startsWith('（四）')).map((o) => subRow(o.key)),
  { key: null, label: '（五）不予处理', level: 1 },
  ...OUTCOMES.filter((o) => o.row.startsWith('（五）')).map((o) => subRow(o.key)),
  { key: null, label: '（六）其他处理', level: 1 },
  ...OUTCOMES.filter((o) => o.row.startsWith('（六）')).map((o) => subRow(o.key)),
  { key: 'finished', label: '（七）总计', level: 1 },
  { key: 'forward', label: '四、结转下年度继续办理', level: 0 },
];
export const TABLE3_ROW_KEYS: readonly Table3RowKey[] = TABLE3_LINES.flatMap((l) => (l.key ? [l.key] : []));

/** Table 三's numbers: per data row, 7 values in TABLE3_COLUMNS order. */
export type Table3 = Record<Table3RowKey, number[]>;

/** Table 四: 3 groups × (维持, 纠正, 其他, 尚未审结, 总计) = 15 numbers. */
export type Table4 = Record<RemedyKind, number[]>;
export const TABLE4_GROUP_LABELS: Record<RemedyKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '未经复议直接起诉',
  litigation_after_reconsideration: '复议后起诉',
};
export const TABLE4_COLUMN_LABELS: Record<RemedyResult | 'total', string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
export const TABLE4_COLUMNS: readonly (RemedyResult | 'total')[] = [...REMEDY_RESULTS, 'total'];
export { REMEDY_KINDS };

/** One consistency check, shown as passed or failed with the columns or groups that fail. */
export interface ReportCheck {
  key: 'balance' | 'finished_sum' | 'row_totals' | 'carry_over' | 'table4_totals';
  /** null when the check could not run (no previous-year figures). */
  passed: boolean | null;
  failures: string[];
}

export interface AnnualRequestTables {
  year: number;
  table3: Table3;
  table4: Table4;
  checks: ReportCheck[];
}
