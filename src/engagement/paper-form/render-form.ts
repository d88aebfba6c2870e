import { startA4Pdf } from '../../documents/pdf.ts';
import { t } from '../../i18n/index.ts';
import { qrRects, qrSquares } from './qr.ts';

const MM = 72 / 25.4;
const MARGIN = 18 * MM;
/** Ruled lines for the content, filling the page above the note and the QR code. */
const CONTENT_LINES = 15;

export interface FeedbackFormInput {
  unitName: string;
  contactPhone: string | null;
  address: string | null;
  replyDays: number;
  /** the online form: <public origin>/units/<code>/feedback/new */
  url: string;
  createdAt?: Date;
}

/**
 * 意见建议征集表: an A4 page to fill by hand for one unit — who receives it and how to reach them,
 * the fields (name optional, phone optional, category, content on ruled lines, "do not publish",
 * date), how and when replies appear on the 回音壁, and a QR code (vector squares) with the URL of
 * the online form printed under it.
 */
export async function renderFeedbackForm(input: FeedbackFormInput): Promise<Buffer> {
  const title = t('paper_form.title');
  const { doc, done } = startA4Pdf({
    title: `${input.unitName}${title}`,
    createdAt: input.createdAt,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  });
  const width = doc.page.width - 2 * MARGIN;
  const left = MARGIN;

  doc.font('bold').fontSize(20).text(`${input.unitName}${title}`, left, MARGIN, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(11);
  doc.text(`${t('paper_form.unit')}${input.unitName}`, left, doc.y, { width });
  if (input.contactPhone) doc.text(`${t('paper_form.phone')}${input.contactPhone}`, { width });
  if (input.address) doc.text(`${t('paper_form.address')}${input.address}`, { width });
  doc.moveDown(0.8);

  const rule = (y: number, x0 = left, x1 = left + width) =>
    doc.moveTo(x0, y).lineTo(x1, y).lineWidth(0.6).stroke();
  doc.fontSize(12);
  const fieldLine = (label: string, x: number, w: number, y: number) => {
    doc.text(label, x, y, { lineBreak: false });
    rule(y + 15, x + doc.widthOfString(label), x + w - 10);
  };
  let y = doc.y;
  fieldLine(t('paper_form.name'), left, width / 2, y);
  fieldLine(t('paper_form.contact'), left + width / 2, width / 2, y);
  y += 30;
  doc.text(`${t('paper_form.kind')}${t('paper_form.kinds')}`, left, y, { width });
  y += 30;
  doc.text(t('paper_form.content'), left, y, { width });
  y += 22;
  const lineGap = 24;
  for (let i = 0; i < CONTENT_LINES; i++) rule(y + lineGap * (i + 1) - 4);
  y += lineGap * CONTENT_LINES + 14;
  doc.text(t('paper_form.private'), left, y, { lineBreak: false });
  doc.text(t('paper_form.date'), left + width / 2, y, { lineBreak: false });
  y += 34;

  // the note on the left, the QR code on the right
  const qrSide = 34 * MM;
  const noteWidth = width - qrSide - 8 * MM;
  doc
    .fontSize(10)
    .text(t('paper_form.note', { days: input.replyDays }), left, y, { width: noteWidth, lineGap: 3 });
  doc.moveDown(0.6);
  doc.text(t('paper_form.scan'), { width: noteWidth });
  const qx = left + width - qrSide;
  const q = qrSquares(input.url);
  doc.save();
  doc.rect(qx, y, qrSide, qrSide).fill('#ffffff');
  for (const r of qrRects(q, qx, y, qrSide)) doc.rect(r.x, r.y, r.w, r.w);
  doc.fill('#000000');
  doc.restore();
  doc
    .fillColor('#000000')
    .fontSize(7)
    .text(input.url, qx - 30 * MM, y + qrSide + 2, { width: qrSide + 30 * MM, align: 'right' });
  doc.end();
  return done;
}
