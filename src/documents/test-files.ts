/**
 * Builders of small, real files for tests (not used at run time): a hand-written PDF, a DOCX
 * built with jszip and an XLSX built with exceljs. Nothing is read from disk or the network.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * A minimal valid PDF, one page per entry of `pages`, each page a list of text lines. The font is
 * a non-embedded Type0 font with Identity-H encoding and a ToUnicode CMap, so any BMP character
 * (Chinese included) is extractable without font or CMap files: each glyph id is the UTF-16 code.
 */
export function buildPdf(pages: string[][], opts: { predefinedCMap?: boolean } = {}): Uint8Array {
  const chars = [...new Set(pages.flat().join(''))].sort();
  const hex = (s: string) =>
    [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join('');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((c) => `<${hex(c)}> <${hex(c)}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  // predefinedCMap: the way Word/WPS write non-embedded 宋体 — UCS-2 codes through the UniGB-UCS2-H
  // CMap, no ToUnicode; text extraction then needs pdf.js's packaged CMaps.
  objects[3] = opts.predefinedCMap
    ? '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>'
    : '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>';
  objects[4] =
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light ${opts.predefinedCMap ? '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>' : '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>'} /DW 1000 ` +
    '/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> >>';
  objects[5] = `<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`;
  pages.forEach((lines, i) => {
    const content = lines
      .map((line, j) => `BT /F1 12 Tf 50 ${780 - j * 20} Td <${hex(line)}> Tj ET`)
      .join('\n');
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out);
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A paragraph is a list of runs; a run is its text (bold when it starts with '**'). */
export type DocxBlock = string[] | { table: string[][][] };

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraphXml(runs: string[]): string {
  const r = runs.map((t) => {
    const bold = t.startsWith('**');
    const text = bold ? t.slice(2) : t;
    return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  });
  return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${r.join('')}</w:p>`;
}

/** A DOCX with the given paragraphs and tables (each table cell is a list of runs). */
export async function buildDocx(blocks: DocxBlock[], extraDocumentXml = ''): Promise<Uint8Array> {
  const body = blocks
    .map((b) =>
      Array.isArray(b)
        ? paragraphXml(b)
        : `<w:tbl>${b.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraphXml(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
    )
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${body}${extraDocumentXml}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** An XLSX whose sheets are given as rows of values (first row at A1). */
export async function buildXlsx(
  sheets: Record<string, (string | number | null)[][]>,
  decorate?: (wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  decorate?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const PNG_HEADER = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
  8, 6, 0, 0, 0,
]);
export const JPEG_HEADER = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);
