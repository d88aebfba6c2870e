/**
 * Upload type check (附件类型检查): the type of an attachment is decided by its content, never by
 * its file name. Allowed: PDF, DOCX, XLSX, JPG, PNG. Macro-enabled Office files (a vbaProject.bin
 * in the zip) and everything else are refused.
 */
import JSZip from 'jszip';
import { AppError } from '../lib/errors.ts';

export type FileType = 'pdf' | 'docx' | 'xlsx' | 'jpg' | 'png';

export const FILE_TYPES: Record<FileType, { ext: string; mime: string; aliases: string[] }> = {
  pdf: { ext: 'pdf', mime: 'application/pdf', aliases: ['pdf'] },
  docx: {
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    aliases: ['docx'],
  },
  xlsx: {
    ext: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    aliases: ['xlsx'],
  },
  jpg: { ext: 'jpg', mime: 'image/jpeg', aliases: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  png: { ext: 'png', mime: 'image/png', aliases: ['png'] },
};

/** Issue #4: "size limit configurable, default 20 MB". */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/**
 * '%PDF-' at the very start. Readers tolerate junk before it, but accepting that would let an
 * HTML page with a PDF header inside pass as a PDF; real PDFs start with it.
 */
function isPdf(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]);
}

async function zipKind(bytes: Uint8Array): Promise<'docx' | 'xlsx' | null> {
  let zip: JSZip;
  try {
    // Reads the central directory only; nothing is inflated here, so a zip bomb costs nothing.
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  if (!zip.file('[Content_Types].xml')) return null;
  if (Object.keys(zip.files).some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null;
  const word = zip.file('word/document.xml') !== null;
  const excel = zip.file('xl/workbook.xml') !== null;
  if (word === excel) return null; // neither, or an odd hybrid: refuse rather than guess
  return word ? 'docx' : 'xlsx';
}

/** The type of a file from its bytes (magic numbers; zip containers by their main part). */
export async function detectFileType(bytes: Uint8Array): Promise<FileType | null> {
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  if (isPdf(bytes)) return 'pdf';
  return null;
}

export interface CheckedUpload {
  type: FileType;
  /** The canonical extension for the content ('jpg' for a '.jpeg' file too). */
  ext: string;
  mime: string;
  /** The declared name, with the canonical extension appended when it had none. */
  name: string;
}

/** The last extension of a file name, lower-cased, or '' when there is none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0
    ? base
        .slice(dot + 1)
        .trim()
        .toLowerCase()
    : '';
}

/**
 * Checks an upload before it is stored. Throws AppError:
 *   file.empty (422), file.too_large (413, params limitMb), file.type_not_allowed (415),
 *   file.mismatch (422, params declared/actual).
 * Mismatch policy: a name with an extension that names another type (report.pdf holding a PNG,
 * a .xls/.doc holding XLSX/DOCX) is refused, because readers download it by that name and it is
 * usually the wrong file; a name without an extension is silently given the right one. Variant
 * spellings of the same type (.JPEG, .jpg) are accepted.
 */
export async function checkUpload(
  bytes: Uint8Array,
  declaredName: string,
  limitBytes: number = DEFAULT_UPLOAD_LIMIT_BYTES,
): Promise<CheckedUpload> {
  if (bytes.byteLength === 0) throw new AppError('file.empty', { status: 422 });
  if (bytes.byteLength > limitBytes) {
    const limitMb = Math.round((limitBytes / 1024 / 1024) * 10) / 10;
    throw new AppError('file.too_large', { status: 413, params: { limitMb } });
  }
  const type = await detectFileType(bytes);
  if (!type) throw new AppError('file.type_not_allowed', { status: 415 });
  const { ext, mime, aliases } = FILE_TYPES[type];
  const declared = extensionOf(declaredName);
  const trimmed = declaredName.trim() || '附件';
  if (declared === '') return { type, ext, mime, name: `${trimmed}.${ext}` };
  if (!aliases.includes(declared)) {
    throw new AppError('file.mismatch', { status: 422, params: { declared, actual: ext } });
  }
  return { type, ext, mime, name: trimmed };
}
