import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../lib/errors.ts';
import type { YearArrangement } from './calendar.ts';

/**
 * Reads a year's arrangement from an uploaded file:
 * - JSON: { "year": 2027, "holidays": [...], "makeupWorkdays": [...], "source": "…" }, or the
 *   reference shape { "2027": { "holidays": [...], "makeupWorkdays": [...] } };
 * - CSV: one day per row, "date,type" with type holiday/放假/休 or workday/上班/班 (header optional).
 * Dates are validated later by WorkingCalendar (calendar.bad_date / calendar.bad_arrangement).
 */
export function parseCalendarUpload(fileName: string, content: Buffer, year: number): YearArrangement {
  const text = content.toString('utf8').replace(/^\ufeff/, '');
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return fromJson(trimmed, year);
  if (/\.json$/i.test(fileName)) throw bad('JSON');
  return fromCsv(trimmed, year);
}

function bad(reason: string): AppError {
  return new AppError('calendar.upload_invalid', { status: 422, params: { reason } });
}

function strings(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw bad(`${what} 应为日期字符串数组`);
  return v as string[];
}

function fromJson(text: string, year: number): YearArrangement {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text);
  } catch {
    throw bad('JSON 无法解析');
  }
  const block = (data.holidays ? data : data[String(year)]) as Record<string, unknown> | undefined;
  if (!block) throw bad(`文件中没有 ${year} 年的数据`);
  if (data.year !== undefined && Number(data.year) !== year)
    throw bad(`文件中的年份 ${data.year} 与 ${year} 不符`);
  return {
    year,
    holidays: strings(block.holidays, 'holidays'),
    makeupWorkdays: strings(block.makeupWorkdays ?? [], 'makeupWorkdays'),
    source:
      typeof block.source === 'string'
        ? block.source
        : typeof data._source === 'string'
          ? data._source
          : undefined,
  };
}

const HOLIDAY = new Set(['holiday', '放假', '休', '假']);
const WORKDAY = new Set(['workday', '上班', '班', '调休上班']);

function fromCsv(text: string, year: number): YearArrangement {
  let rows: string[][];
  try {
    rows = parseCsv(text, { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch {
    throw bad('CSV 无法解析');
  }
  const holidays: string[] = [];
  const makeupWorkdays: string[] = [];
  rows.forEach((r, i) => {
    const [date, type] = [r[0] ?? '', (r[1] ?? '').toLowerCase()];
    if (i === 0 && !/^\d/.test(date)) return; // header
    if (HOLIDAY.has(type)) holidays.push(date);
    else if (WORKDAY.has(type)) makeupWorkdays.push(date);
    else throw bad(`第 ${i + 1} 行的类型“${r[1] ?? ''}”应为 holiday/放假 或 workday/上班`);
  });
  if (holidays.length === 0 && makeupWorkdays.length === 0) throw bad('文件中没有日期');
  return { year, holidays, makeupWorkdays };
}
