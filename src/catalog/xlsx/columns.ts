/**
 * The columns of a catalog spreadsheet: the standard catalog layout of regulations.md §5.3
 * (一级事项 · 二级事项 · 公开内容（要素） · 公开依据 · 公开时限 · 公开主体 · 公开渠道和载体 ·
 * 公开对象 · 公开方式 · 公开层级) plus the SPEC §3 fields the standard layout leaves implicit.
 * Export writes `header`; import also accepts the aliases (headers are compared without
 * whitespace, full-width and half-width brackets alike). Keys are EntryInput's field names, so a
 * schema error on a field points at its column.
 */
export type ColumnKey =
  | 'serial'
  | 'domain'
  | 'level1'
  | 'level2'
  | 'item'
  | 'elements'
  | 'legalBasis'
  | 'timeLimitText'
  | 'timeLimitDays'
  | 'timing'
  | 'period'
  | 'minDisplayDays'
  | 'subject'
  | 'requiredChannels'
  | 'optionalChannels'
  | 'audience'
  | 'mode'
  | 'level'
  | 'responsibleRole'
  | 'requiresInterpretation';

export interface ColumnDef {
  key: ColumnKey;
  header: string;
  aliases: readonly string[];
  width: number;
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'serial', header: '序号', aliases: ['编号'], width: 6 },
  { key: 'domain', header: '领域', aliases: ['公开领域', '类别'], width: 8 },
  { key: 'level1', header: '一级事项', aliases: ['公开事项（一级事项）', '一级'], width: 16 },
  { key: 'level2', header: '二级事项', aliases: ['公开事项（二级事项）', '二级'], width: 18 },
  { key: 'item', header: '事项名称', aliases: ['公开事项名称', '名称', '公开事项'], width: 22 },
  { key: 'elements', header: '公开内容（要素）', aliases: ['公开内容', '要素', '公开要素'], width: 40 },
  { key: 'legalBasis', header: '公开依据', aliases: ['依据'], width: 36 },
  { key: 'timeLimitText', header: '公开时限', aliases: [], width: 24 },
  { key: 'timeLimitDays', header: '时限（工作日）', aliases: ['时限(天)', '时限天数'], width: 10 },
  {
    key: 'timing',
    header: '公开时间类型',
    aliases: ['公开时间类型（长期/定期/即时/逐段）', '公开类型', '公开时间'],
    width: 10,
  },
  { key: 'period', header: '周期', aliases: ['公开周期', '定期周期'], width: 8 },
  { key: 'minDisplayDays', header: '最短公开时长（工作日）', aliases: ['最短公开时长', '公示期'], width: 12 },
  { key: 'subject', header: '公开主体', aliases: ['责任主体', '公开责任主体'], width: 20 },
  {
    key: 'requiredChannels',
    header: '公开渠道和载体（必选）',
    aliases: ['公开渠道和载体', '公开渠道', '必选渠道'],
    width: 24,
  },
  { key: 'optionalChannels', header: '公开渠道和载体（可选）', aliases: ['可选渠道'], width: 24 },
  { key: 'audience', header: '公开对象', aliases: ['公开范围'], width: 10 },
  {
    key: 'mode',
    header: '公开方式',
    aliases: ['公开形式', '公开形式（主动/依申请）', '公开方式（主动/依申请）'],
    width: 8,
  },
  { key: 'level', header: '公开层级', aliases: ['层级'], width: 10 },
  { key: 'responsibleRole', header: '责任角色', aliases: ['责任人', '责任岗位'], width: 12 },
  {
    key: 'requiresInterpretation',
    header: '政策解读（三同时）',
    aliases: ['政策解读', '须政策解读', '三同时'],
    width: 10,
  },
];

/** Columns without which no row can be read; timing may instead be read from 公开时限. */
export const REQUIRED_HEADERS: readonly ColumnKey[] = ['level1', 'mode', 'audience', 'requiredChannels'];

export const MAX_CATALOG_ROWS = 2000;

export type CatalogImportRow = { row: number } & Record<ColumnKey, string>;

export interface ImportError {
  row?: number;
  field?: ColumnKey;
  code: string;
  params: Record<string, string | number>;
}

export function normaliseHeader(h: string): string {
  return h.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/／/g, '/');
}

export function columnByHeader(text: string): ColumnDef | undefined {
  const v = normaliseHeader(text);
  if (v === '') return undefined;
  return COLUMNS.find(
    (c) => normaliseHeader(c.header) === v || c.aliases.some((a) => normaliseHeader(a) === v),
  );
}

export function columnHeader(key: ColumnKey): string {
  return COLUMNS.find((c) => c.key === key)!.header;
}
