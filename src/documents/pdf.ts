import PDFDocument from 'pdfkit';
import { fontBytes } from './pdf-fonts.ts';

export interface PdfStart {
  title: string;
  /** the document's creation date (fixed in tests so the bytes are reproducible) */
  createdAt?: Date;
  margins: { top: number; bottom: number; left: number; right: number };
  /** keep pages for a second pass (page numbers, footers) */
  bufferPages?: boolean;
}

/**
 * A new A4 document in the platform's way: the CJK font from the npm dependencies registered as
 * 'regular' and 'bold' (src/documents/pdf-fonts.ts), zh-CN metadata, and the finished bytes as a
 * promise that resolves when the caller ends the document.
 */
export function startA4Pdf(o: PdfStart): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: o.margins,
    bufferPages: o.bufferPages ?? false,
    info: {
      Title: o.title,
      Creator: 'Gongkai',
      Producer: 'Gongkai',
      CreationDate: o.createdAt ?? new Date(0),
    },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  return { doc, done };
}
