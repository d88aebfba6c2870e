/**
 * Privacy guard for attachments (附件隐私检查): scans the text of PDF, DOCX and XLSX attachments
 * with the shared text scanner (src/privacy/privacy-guard.ts) and, for DOCX and XLSX, produces a
 * masked copy in one action. PDFs cannot be rewritten reliably (text is positioned glyphs), so
 * for them the user must upload a masked file; images cannot be read at all (textScanned false),
 * so the UI asks the user to confirm them by eye.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError } from '../lib/errors.ts';
import { type CustomPattern, type Finding, maskText, scanText } from '../privacy/privacy-guard.ts';
import { docxTextParts, rewritePieces } from './docx-text.ts';
import { cellWhere, extractText, loadWorkbook } from './extract-text.ts';
import { maskPieces } from './mask-pieces.ts';
import type { FileType } from './sniff.ts';

/** A finding plus where it is; start/end are offsets into that part's text. */
export interface AttachmentFinding extends Finding {
  where: string;
}

export interface AttachmentScan {
  findings: AttachmentFinding[];
  /** false for images: nothing could be read, a person must look. */
  textScanned: boolean;
  /** true for DOCX and XLSX: maskAttachment can produce a masked copy. */
  canMask: boolean;
  /** true for a PDF with findings: the user must upload a masked PDF (or override with a reason). */
  mustUploadMasked: boolean;
}

export interface MaskedAttachment {
  bytes: Uint8Array;
  findings: AttachmentFinding[];
}

/** Scans every part of an attachment. Throws file.unreadable for a broken PDF/DOCX/XLSX. */
export async function scanAttachment(
  bytes: Uint8Array,
  type: FileType,
  custom: readonly CustomPattern[] = [],
): Promise<AttachmentScan> {
  const textScanned = type === 'pdf' || type === 'docx' || type === 'xlsx';
  const { parts } = await extractText(bytes, type);
  const findings = parts.flatMap((part) =>
    scanText(part.text, custom).map((f) => ({ ...f, where: part.where })),
  );
  return {
    findings,
    textScanned,
    canMask: type === 'docx' || type === 'xlsx',
    mustUploadMasked: type === 'pdf' && findings.length > 0,
  };
}

/** The masked copy of a DOCX or XLSX. Throws file.mask_unsupported for PDFs and images. */
export async function maskAttachment(
  bytes: Uint8Array,
  type: FileType,
  custom: readonly CustomPattern[] = [],
): Promise<MaskedAttachment> {
  if (type === 'docx') return maskDocx(bytes, custom);
  if (type === 'xlsx') return maskXlsx(bytes, custom);
  throw new AppError('file.mask_unsupported', { status: 422, params: { type } });
}

/**
 * DOCX: each paragraph's runs are concatenated, scanned as one text (a number split across runs
 * by spell-check marks or formatting is still found), and the masked text is written back into
 * the same runs (see maskPieces), so run formatting survives. Only the changed <w:t> contents are
 * touched in the XML; every other byte of every part is kept. Returns the input unchanged (same
 * bytes) when nothing was found.
 */
export async function maskDocx(
  bytes: Uint8Array,
  custom: readonly CustomPattern[] = [],
): Promise<MaskedAttachment> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError('file.unreadable', { status: 422 });
  }
  const findings: AttachmentFinding[] = [];
  for (const part of await docxTextParts(zip)) {
    const edits: Parameters<typeof rewritePieces>[1] = [];
    for (const para of part.paragraphs) {
      const found = scanText(para.text, custom);
      if (found.length === 0) continue;
      findings.push(...found.map((f) => ({ ...f, where: para.where })));
      const texts = para.pieces.map((p) => p.text);
      const masked = maskPieces(
        texts,
        found,
        para.pieces.map((p) => p.from !== undefined),
      );
      para.pieces.forEach((piece, i) => {
        if (masked[i] !== texts[i]) edits.push({ piece, text: masked[i] });
      });
    }
    if (edits.length > 0) zip.file(part.partName, rewritePieces(part.xml, edits));
  }
  if (findings.length === 0) return { bytes, findings };
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes: out, findings };
}

/**
 * XLSX: every cell's value is scanned as text. Strings and rich text are masked in place (rich
 * text keeps its runs); a number that is personal data (a mobile number typed as a number)
 * becomes masked text; a formula whose result is personal data is replaced by the masked result
 * (the formula would recompute the number); hyperlink text and target are both masked. Cell
 * styles, number formats, widths and merges are kept; the workbook is re-written by exceljs, so
 * features it does not model (charts, pivot tables) are not carried into the masked copy.
 */
export async function maskXlsx(
  bytes: Uint8Array,
  custom: readonly CustomPattern[] = [],
): Promise<MaskedAttachment> {
  const wb = await loadWorkbook(bytes);
  const findings: AttachmentFinding[] = [];
  for (const sheet of wb.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const found = maskCell(cell, custom);
        findings.push(...found.map((f) => ({ ...f, where: cellWhere(sheet.name, cell.address) })));
      });
    });
  }
  if (findings.length === 0) return { bytes, findings };
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), findings };
}

function maskCell(cell: ExcelJS.Cell, custom: readonly CustomPattern[]): Finding[] {
  const v = cell.value;
  if (typeof v === 'string' || typeof v === 'number') {
    const text = String(v);
    const found = scanText(text, custom);
    if (found.length > 0) cell.value = maskText(text, found);
    return found;
  }
  if (v === null || typeof v !== 'object' || v instanceof Date) return [];
  if ('richText' in v) {
    const runs = v.richText;
    const found = scanText(runs.map((r) => r.text).join(''), custom);
    if (found.length === 0) return [];
    const masked = maskPieces(
      runs.map((r) => r.text),
      found,
    );
    cell.value = { richText: runs.map((r, i) => ({ ...r, text: masked[i] })) };
    return found;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (typeof result !== 'string' && typeof result !== 'number') return [];
    const text = String(result);
    const found = scanText(text, custom);
    if (found.length > 0) cell.value = maskText(text, found);
    return found;
  }
  if ('hyperlink' in v) {
    const text = typeof v.text === 'string' ? v.text : '';
    const found = scanText(text, custom);
    const target = scanText(v.hyperlink, custom);
    if (found.length === 0 && target.length === 0) return [];
    cell.value = { ...v, text: maskText(text, found), hyperlink: maskText(v.hyperlink, target) };
    return found.length > 0 ? found : target;
  }
  return [];
}
