import { startA4Pdf } from '../../documents/pdf.ts';
import type { DocumentTemplate } from './default-templates.ts';

/** A blank to fill by hand, printed where a field was not supplied. */
export const BLANK = '__________';

/** Points per millimetre. */
const MM = 72 / 25.4;
/** Margins of GB/T 9704-2012 (党政机关公文格式): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
/** 字号: 二号 for the title, 三号 for the text, 四号 for page numbers. */
const SIZE = { title: 22, text: 16, pageNumber: 14 };
/** About 28.95 pt per line, 22 lines per page, as GB/T 9704 asks for 三号 text. */
const LINE_GAP = 6;

/** Replaces {name} with the field's value; a missing or empty field becomes a blank line. */
export function fillPlaceholders(text: string, fields: Record<string, string>): string {
  return text.replace(/\{([^{}\s]*)\}/g, (_m, name: string) => {
    const v = fields[name];
    return v === undefined || v.trim() === '' ? BLANK : v;
  });
}

/** 2026-03-02 → 2026年3月2日, as dates are written in official documents. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const paragraphs = (s: string) =>
  s
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * Renders a template with its fields into an A4 PDF: title centered in bold, the 文号 under it,
 * the addressee, body paragraphs indented two characters, the signature block right-aligned and
 * page numbers "— n —" at the foot. Pure: the same input gives the same document (the creation
 * date is the document's own date when given).
 */
export async function renderPdf(
  template: Pick<DocumentTemplate, 'title' | 'numberLine' | 'addressee' | 'body' | 'signature'>,
  fields: Record<string, string>,
  opts: { createdAt?: Date } = {},
): Promise<Buffer> {
  const fill = (s: string) => fillPlaceholders(s, fields);
  const title = fill(template.title);
  const { doc, done } = startA4Pdf({
    title: title,
    createdAt: opts.createdAt,
    margins: MARGINS,
    bufferPages: true,
  });
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const indent = SIZE.text * 2;

  doc.font('bold').fontSize(SIZE.title).text(title, { align: 'center', width, lineGap: 8 });
  const number = template.numberLine.trim() ? fill(template.numberLine) : '';
  if (number) {
    doc.moveDown(0.4);
    doc.font('regular').fontSize(SIZE.text).text(number, { align: 'center', width });
  }
  doc.moveDown(1);
  doc.font('regular').fontSize(SIZE.text);
  if (template.addressee.trim()) doc.text(fill(template.addressee), { width, lineGap: LINE_GAP });
  for (const p of paragraphs(template.body))
    doc.text(fill(p), { width, indent, lineGap: LINE_GAP, align: 'justify' });

  const signature = paragraphs(template.signature).map(fill);
  if (signature.length > 0) {
    // The signature block stays together: a page break inside it would leave a date alone.
    const lineHeight = doc.currentLineHeight(true) + LINE_GAP;
    const bottom = doc.page.height - MARGINS.bottom;
    if (doc.y + lineHeight * (signature.length + 1.5) > bottom) doc.addPage();
    else doc.moveDown(1.5);
    // 成文日期右空四字: the signature block ends four characters before the right margin.
    for (const line of signature)
      doc.text(line, MARGINS.left, doc.y, {
        width: width - SIZE.text * 4,
        align: 'right',
        lineGap: LINE_GAP,
      });
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    doc
      .font('regular')
      .fontSize(SIZE.pageNumber)
      .text(`— ${i + 1} —`, MARGINS.left, doc.page.height - bottom + 7 * MM, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
