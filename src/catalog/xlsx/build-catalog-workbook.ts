import ExcelJS from 'exceljs';
import type { CatalogEntry } from '../../db/types.ts';
import { channelList } from '../entry-rules.ts';
import {
  AUDIENCES,
  CHANNELS,
  type ChannelCode,
  DOMAINS,
  describeTimeLimit,
  labelOf,
  MODES,
  PERIODS,
  RESPONSIBLE_ROLES,
  type Term,
  TIMINGS,
} from '../vocabulary.ts';
import { COLUMNS, type ColumnKey } from './columns.ts';

/** One entry as the cells of a spreadsheet row, in Chinese words (what an import reads back). */
export function entryCells(e: CatalogEntry, serial: number): Record<ColumnKey, string | number> {
  const channels = (json: string) =>
    channelList(json)
      .map((c) => labelOf(CHANNELS, c as ChannelCode))
      .join('、');
  return {
    serial,
    domain: labelOf(DOMAINS, e.domain),
    level1: e.level1,
    level2: e.level2 ?? '',
    item: e.item,
    elements: e.elements ?? '',
    legalBasis: e.legal_basis ?? '',
    timeLimitText: e.time_limit_text ?? describeTimeLimit(e),
    timeLimitDays: e.time_limit_days,
    timing: labelOf(TIMINGS, e.timing),
    period: labelOf(PERIODS, e.period),
    minDisplayDays: e.min_display_days ?? '',
    subject: e.subject ?? '',
    requiredChannels: channels(e.required_channels),
    optionalChannels: channels(e.optional_channels),
    audience: labelOf(AUDIENCES, e.audience),
    mode: labelOf(MODES, e.mode),
    level: e.level ?? '',
    responsibleRole: labelOf(RESPONSIBLE_ROLES, e.responsible_role),
    requiresInterpretation: e.requires_interpretation === 1 ? '是' : '',
  };
}

/**
 * A catalog as an XLSX workbook: a title row, the header row, one row per entry (first sheet,
 * which is what the importer reads), and a sheet listing the accepted words per column.
 */
export async function buildCatalogWorkbook(title: string, entries: readonly CatalogEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('公开目录');
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width, style: { numFmt: '@' } }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  entries.forEach((e, i) => {
    const row = sheet.addRow(entryCells(e, i + 1));
    row.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 24 },
    { header: '可填写的值', width: 80 },
  ];
  const words = (terms: readonly Term<string>[]) => terms.map((t) => t.label).join('、');
  help.addRows([
    ['领域', words(DOMAINS)],
    ['公开方式', words(MODES)],
    ['公开时间类型', words(TIMINGS)],
    ['周期', `${words(PERIODS)}（仅定期公开填写）`],
    ['公开对象', words(AUDIENCES)],
    ['公开渠道和载体', `${words(CHANNELS)}；多个用顿号分隔，也可用“■必选 □可选”的勾选写法`],
    ['责任角色', words(RESPONSIBLE_ROLES)],
    ['时限（工作日）', '整数；不填时主动公开默认 5 个工作日，依申请公开默认 20 个工作日'],
    ['最短公开时长（工作日）', '整数；不填时定期公开默认 30，即时公开默认 20，长期公开至变更或废止'],
    ['事项名称', '不填时取二级事项（无二级事项时取一级事项）'],
    ['政策解读（三同时）', '填“是”表示此事项下的文件须与政策解读同时发布；不填或“否”表示不要求'],
  ]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
