import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { ResultTable } from './result-table.tsx';
import type { SurveyResults } from './results.ts';
import type { Survey } from './store.ts';

/** The print stylesheet of the results sheet (served at /surveys/sheet.css: the CSP forbids inline styles). */
export const SHEET_CSS = `
body { font-family: "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 60rem; color: #000; }
h1 { text-align: center; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 0.3rem 0.5rem; }
td.num { text-align: right; }
.signatures p { margin: 2rem 0 0; }
.screen-only { margin-bottom: 1rem; }
@page { size: A4; margin: 20mm; }
@media print {
  .screen-only { display: none; }
  body { margin: 0; max-width: none; font-size: 11pt; }
  tr { page-break-inside: avoid; }
}
`;

/** A standalone printable page (no site header): title, period, table, scoring note, signature lines. */
export function SheetPage(p: { survey: Survey; results: SurveyResults; tenantName: string }) {
  const title = t('survey.sheet_title', { title: p.survey.title });
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <link rel="stylesheet" href="/surveys/sheet.css" />
      </head>
      <body>
        <main id="main">
          <p class="screen-only">
            <a href={`/surveys/${p.survey.id}/results.pdf`}>{t('survey.results_pdf')}</a>
          </p>
          <h1>{title}</h1>
          <p>
            {t('survey.f.period')}：{p.survey.opens_on} 至 {p.survey.closes_on}　{t('survey.f.participants')}
            ：{p.results.participants}
          </p>
          {p.results.final && p.results.computedAt ? (
            <p>
              {t('survey.f.computed_at')}：{fmtTime(p.results.computedAt)}
            </p>
          ) : (
            <p>{t('survey.results_live')}</p>
          )}
          <ResultTable survey={p.survey} results={p.results} />
          <div class="signatures">
            <p>
              {t('survey.sheet_sign_org')}
              {p.tenantName}
            </p>
            <p>{t('survey.sheet_sign_person')}</p>
            <p>{t('survey.sheet_sign_date')}</p>
          </div>
        </main>
      </body>
    </html>
  );
}
