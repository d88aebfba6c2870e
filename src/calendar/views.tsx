import { AdminLayout } from '../admin/nav.tsx';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, TextArea, TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import type { WorkingCalendar } from './calendar.ts';
import type { CalendarVersionRow } from './tenant-calendar.ts';

type Meta = PageMeta & { largeType?: boolean };

export interface YearSummary {
  year: number;
  source: string | null;
  version: number | null;
  holidays: number;
  makeups: number;
}

export function CalendarYearsPage(p: Meta & { years: YearSummary[]; canManage: boolean }) {
  return (
    <AdminLayout {...p}>
      <h1>{t('calendar.title')}</h1>
      <p>{t('calendar.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('calendar.year')}</th>
            <th scope="col">{t('calendar.source')}</th>
            <th scope="col">{t('calendar.version')}</th>
          </tr>
        </thead>
        <tbody>
          {p.years.map((y) => (
            <tr key={y.year}>
              <td>
                <a href={`/admin/calendar/${y.year}`}>{y.year}</a>
              </td>
              <td>{y.source ?? <span class="tag warn">{t('calendar.no_data_year')}</span>}</td>
              <td>
                {y.version
                  ? t('calendar.office_version', { n: y.version })
                  : y.source
                    ? t('calendar.shipped')
                    : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

function MonthGrid({ year, month, cal }: { year: number; month: number; cal: WorkingCalendar }) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const cells: (string | null)[] = [...Array(lead).fill(null)];
  for (let d = 1; d <= days; d++)
    cells.push(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return (
    <table class="month">
      <caption>{t('calendar.month', { m: month })}</caption>
      <thead>
        <tr>
          {t('calendar.weekdays')
            .split(',')
            .map((w) => (
              <th scope="col" key={w}>
                {w}
              </th>
            ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.find(Boolean) ?? Math.random()}>
            {w.map((day, i) => {
              if (!day) return <td key={`e${i}`} />;
              const info = cal.dayInfo(day);
              const mark = info.kind === 'holiday' ? '休' : info.kind === 'makeup_workday' ? '班' : '';
              return (
                <td key={day} class={`day ${info.kind}`} title={day}>
                  {Number(day.slice(8))}
                  {mark && <span class="mark">{mark}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CalendarYearPage(
  p: Meta & {
    year: number;
    cal: WorkingCalendar;
    versions: CalendarVersionRow[];
    canManage: boolean;
    values: { holidays: string; makeupWorkdays: string; source: string; note?: string };
    errors?: ErrorMap;
    message?: string | null;
  },
) {
  const arrangement = p.cal.arrangement(p.year);
  const e = p.errors ?? {};
  return (
    <AdminLayout {...p}>
      <h1>
        {t('calendar.title')} · {p.year}
      </h1>
      <p>
        {t('calendar.source')}：{arrangement?.source ?? t('calendar.no_data_year')}
      </p>
      {!arrangement && <p class="notice">{t('calendar.provisional_hint')}</p>}
      <p class="legend">
        <span class="day holiday">{t('calendar.legend_holiday')}</span>{' '}
        <span class="day makeup_workday">{t('calendar.legend_makeup')}</span>
      </p>
      <div class="months">
        {Array.from({ length: 12 }, (_, i) => (
          <MonthGrid key={i} year={p.year} month={i + 1} cal={p.cal} />
        ))}
      </div>
      {p.canManage && (
        <section>
          <h2>{t('calendar.edit_title', { year: p.year })}</h2>
          <ErrorSummary errors={p.errors} message={p.message} />
          <form method="post" action={`/admin/calendar/${p.year}`} class="stack narrow">
            <Csrf token={p.csrfToken} />
            <TextArea
              name="holidays"
              label={t('calendar.holidays')}
              value={p.values.holidays}
              rows={8}
              error={e.holidays}
            />
            <TextArea
              name="makeupWorkdays"
              label={t('calendar.makeup')}
              value={p.values.makeupWorkdays}
              rows={4}
              error={e.makeupWorkdays}
            />
            <TextField
              name="source"
              label={t('calendar.source')}
              value={p.values.source}
              required
              error={e.source}
            />
            <TextField name="note" label={t('calendar.note')} value={p.values.note} error={e.note} />
            <button type="submit" class="primary">
              {t('calendar.save')}
            </button>
          </form>
          <form
            method="post"
            action={`/admin/calendar/${p.year}/upload`}
            enctype="multipart/form-data"
            class="stack narrow"
          >
            <Csrf token={p.csrfToken} />
            <div class="field">
              <label for="f-file">{t('calendar.upload')}</label>
              <p class="hint">{t('calendar.upload_hint')}</p>
              <input id="f-file" type="file" name="file" accept=".json,.csv" required />
            </div>
            <TextField name="note" label={t('calendar.note')} />
            <button type="submit">{t('calendar.upload_submit')}</button>
          </form>
        </section>
      )}
      {p.versions.length > 0 && (
        <section>
          <h2>{t('calendar.history')}</h2>
          <ul>
            {p.versions.map((v) => (
              <li key={v.id}>
                {t('calendar.office_version', { n: v.version })} · {fmtTime(v.createdAt)} ·{' '}
                {v.arrangement.source}
                {v.note ? ` · ${v.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </AdminLayout>
  );
}
