import ExcelJS from 'exceljs';
import { t } from '../../i18n/index.ts';
import { type Board, CLASSES, cellColor } from './board-model.ts';
import { domainLabel } from './board-views.tsx';
import { TREND_SERIES } from './trend-chart.tsx';
import { trendLabels } from './trend-figure.tsx';

export interface BoardExportContext {
  tenantName: string;
  /** The words of the filter as the page shows them. */
  regionLabel: string;
  kindLabel: string;
  domainLabel: string;
  periodLabel: (key: string) => string;
}

/**
 * The board as XLSX, with Chinese headers: exactly what the filtered page shows — one row per unit
 * and domain of the grid (colour word and counts), the overdue list and the stale columns in full
 * (the page shows their head), and the trend's data table.
 */
export async function buildBoardWorkbook(board: Board, ctx: BoardExportContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(`${board.dates.today}T00:00:00Z`);
  const title = t('board.export_title', { tenant: ctx.tenantName, today: board.dates.today });
  const filter = t('board.export_filter', {
    region: ctx.regionLabel,
    kind: ctx.kindLabel,
    domain: ctx.domainLabel,
  });

  const cells = sheet(wb, t('board.sheet.cells'), title, filter, [
    t('board.unit'),
    t('board.unit_code'),
    t('board.kind'),
    t('board.domain'),
    t('board.color'),
    ...CLASSES.map((c) => t(`board.cls.${c}`)),
    t('board.total'),
  ]);
  for (const r of board.rows)
    for (const d of board.domains) {
      const c = r.cells[d];
      if (c.total === 0) continue;
      cells.addRow([
        r.unit.name,
        r.unit.code,
        t(`kind.${r.unit.kind}`),
        domainLabel(d),
        t(`board.color_long.${cellColor(c)}`),
        ...CLASSES.map((k) => c[k]),
        c.total,
      ]);
    }

  const overdue = sheet(wb, t('board.sheet.overdue'), title, filter, [
    t('board.unit'),
    t('board.domain'),
    t('board.item'),
    t('board.period'),
    t('board.due_date'),
    t('board.days_late'),
  ]);
  for (const o of board.overdue)
    overdue.addRow([
      o.unitName,
      domainLabel(o.domain),
      o.item,
      o.title ?? ctx.periodLabel(o.periodKey),
      o.dueProvisional === 1 ? `${o.dueDate}（${t('obligation.provisional')}）` : o.dueDate,
      o.daysLate,
    ]);

  const stale = sheet(wb, t('board.sheet.stale'), title, filter, [
    t('board.unit'),
    t('board.domain'),
    t('board.item'),
    t('board.last_item'),
  ]);
  for (const s of board.stale)
    stale.addRow([s.unitName, domainLabel(s.domain), s.item, s.lastItem ?? t('board.never')]);

  const labels = trendLabels();
  const trend = sheet(wb, t('board.sheet.trend'), title, filter, [
    t('board.month'),
    ...TREND_SERIES.map((s) => labels.series[s]),
    t('board.total'),
  ]);
  for (const m of board.trend)
    trend.addRow([m.month, ...TREND_SERIES.map((s) => m[s]), TREND_SERIES.reduce((n, s) => n + m[s], 0)]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A sheet with a title row, a filter row and a bold, frozen header row (row 3). */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, filter: string, headers: string[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([filter]);
  ws.addRow(headers).font = { bold: true };
  headers.forEach((_, i) => {
    ws.getColumn(i + 1).width = i === 2 ? 36 : 14;
  });
  return ws;
}
