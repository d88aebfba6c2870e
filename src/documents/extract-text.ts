/**
 * Text of an attachment, part by part, with a human-readable location for each part, so the
 * privacy guard can show "第2页", "Sheet1!B3" or "正文第3段" next to a finding. Pure: bytes in,
 * text out; no network, no fonts, no worker thread.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError } from '../lib/errors.ts';
import { docxTextParts } from './docx-text.ts';
import type { FileType } from './sniff.ts';
import { cellText } from './xlsx-grid.ts';

export interface TextPart {
  where: string;
  text: string;
}

export interface ExtractedText {
  /** All parts joined by newlines (for search and whole-document scanning). */
  text: string;
  parts: TextPart[];
}

function unreadable(): AppError {
  return new AppError('file.unreadable', { status: 422 });
}

function joined(parts: TextPart[]): ExtractedText {
  return { text: parts.map((p) => p.text).join('\n'), parts };
}

/** Text of a PDF, DOCX or XLSX; images have none (text: '', parts: []). Throws file.unreadable. */
export async function extractText(bytes: Uint8Array, type: FileType): Promise<ExtractedText> {
  switch (type) {
    case 'pdf':
      return joined(await pdfParts(bytes));
    case 'docx':
      return joined(await docxParts(bytes));
    case 'xlsx':
      return joined(xlsxParts(await loadWorkbook(bytes)));
    default:
      return { text: '', parts: [] };
  }
}

/**
 * pdf.js reads CMaps and standard font data from its own package directory. Without the CMaps,
 * Chinese PDFs whose fonts use predefined encodings (UniGB-UCS2-H, GBK-EUC-H — what Word and WPS
 * write for non-embedded 宋体) yield no text at all, and the privacy guard would silently pass them.
 */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function pdfParts(bytes: Uint8Array): Promise<TextPart[]> {
  // Loaded lazily: pdf.js is large and only PDF uploads need it.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js transfers (detaches) its input: give it a copy
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
  });
  try {
    const doc = await task.promise;
    const parts: TextPart[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      if (text.trim()) parts.push({ where: `第${n}页`, text: text.trimEnd() });
      page.cleanup();
    }
    return parts;
  } catch {
    throw unreadable(); // broken or password-protected: the caller cannot scan it
  } finally {
    await task.destroy();
  }
}

async function docxParts(bytes: Uint8Array): Promise<TextPart[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw unreadable();
  }
  const parts = await docxTextParts(zip);
  return parts.flatMap((part) =>
    part.paragraphs.filter((p) => p.where).map((p) => ({ where: p.where, text: p.text })),
  );
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it actually reads.
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable();
  }
  return wb;
}

/** "Sheet1!B3", with the sheet name quoted when it has spaces or punctuation ("'收支 3月'!B3"). */
export function cellWhere(sheetName: string, address: string): string {
  const plain = /^[\p{L}\p{N}_]+$/u.test(sheetName);
  return `${plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`}!${address}`;
}

function xlsxParts(wb: ExcelJS.Workbook): TextPart[] {
  const parts: TextPart[] = [];
  for (const sheet of wb.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // the master cell carries the text
        const text = cellText(cell.value).trim();
        if (text) parts.push({ where: cellWhere(sheet.name, cell.address), text });
      });
    });
  }
  return parts;
}
