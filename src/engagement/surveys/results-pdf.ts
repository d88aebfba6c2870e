import { startA4Pdf } from '../../documents/pdf.ts';
import { t } from '../../i18n/index.ts';
import { num2, pct } from './result-table.tsx';
import type { SurveyResults } from './results.ts';
import type { Survey } from './store.ts';

const MM = 72 / 25.4;
const MARGIN = 20 * MM;

/**
 * The printable results sheet (测评结果表) as an A4 PDF: title, period, the table of units with
 * counts, raters, satisfaction rates, scores and ranks, the scoring note and signature lines.
 * The CJK font is the one of the request documents (src/requests/documents/fonts.ts).
 */
export async function resultsPdf(
  survey: Survey,
  results: SurveyResults,
  opts: { tenantName: string; createdAt?: Date },
): Promise<Buffer> {
  const title = t('survey.sheet_title', { title: survey.title });
  const { doc, done } = startA4Pdf({
    title: title,
    createdAt: opts.createdAt,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.font('bold').fontSize(18).text(title, { align: 'center', width });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(11);
  doc.text(`${t('survey.f.period')}：${survey.opens_on} 至 ${survey.closes_on}`, { width });
  doc.text(`${t('survey.f.participants')}：${results.participants}`, { width });
  if (results.final && results.computedAt)
    doc.text(`${t('survey.f.computed_at')}：${results.computedAt.slice(0, 10)}`, { width });
  else doc.text(t('survey.results_live'), { width });
  doc.moveDown(0.6);

  // table: rank | unit | 满意 | 基本满意 | 不满意 | raters | rate | score
  const cols = [
    { label: t('survey.f.rank'), w: 0.07 },
    { label: t('survey.f.unit'), w: 0.29 },
    { label: t('survey.level.satisfied'), w: 0.09 },
    { label: t('survey.level.basic'), w: 0.11 },
    { label: t('survey.level.dissatisfied'), w: 0.09 },
    { label: t('survey.f.raters'), w: 0.1 },
    { label: t('survey.f.rate'), w: 0.12 },
    { label: t('survey.f.score'), w: 0.13 },
  ].map((c) => ({ ...c, w: c.w * width }));
  const rowH = 20;
  const drawRow = (cells: string[], bold: boolean) => {
    if (doc.y + rowH > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'bold' : 'regular').fontSize(10);
    cells.forEach((text, i) => {
      doc.rect(x, y, cols[i].w, rowH).stroke();
      doc.text(text, x + 3, y + 5, {
        width: cols[i].w - 6,
        align: i === 1 ? 'left' : 'center',
        lineBreak: false,
        ellipsis: true,
      });
      x += cols[i].w;
    });
    doc.x = MARGIN;
    doc.y = y + rowH;
  };
  drawRow(
    cols.map((c) => c.label),
    true,
  );
  for (const r of results.rows)
    drawRow(
      [
        r.rank === null ? '—' : String(r.rank),
        r.unitName,
        String(r.satisfied),
        String(r.basic),
        String(r.dissatisfied),
        String(r.raters),
        pct(r.rate),
        num2(r.score),
      ],
      false,
    );
  doc.moveDown(0.8);
  doc
    .font('regular')
    .fontSize(9)
    .text(
      t('survey.scoring_note', {
        s: survey.weight_satisfied,
        b: survey.weight_basic,
        d: survey.weight_dissatisfied,
      }),
      MARGIN,
      doc.y,
      { width },
    );
  if (doc.y + 90 > doc.page.height - MARGIN) doc.addPage();
  doc.moveDown(2);
  doc.fontSize(12);
  const line = '________________________';
  doc.text(`${t('survey.sheet_sign_org')}${opts.tenantName}　${line}`, MARGIN, doc.y, { width });
  doc.moveDown(1);
  doc.text(`${t('survey.sheet_sign_person')}${line}`, { width });
  doc.moveDown(1);
  doc.text(`${t('survey.sheet_sign_date')}${line}`, { width });
  doc.end();
  return done;
}
