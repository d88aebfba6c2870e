import { AdminLayout } from '../../admin/nav.tsx';
import type { CatalogDomain } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import { SelectField } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';
import { type Board, type BoardRow, type CellCounts, cellColor, type OverdueItem } from './board-model.ts';
import { TrendFigure } from './trend-figure.tsx';

type Meta = PageMeta & { largeType?: boolean };

/** Rows a list shows on the page; the export has them all. */
export const LIST_LIMIT = 200;

export interface Option {
  value: string;
  label: string;
}

export const domainLabel = (d: CatalogDomain) => t(`catalog.domain.${d}`);

/** Query string of the board's filter, for links (drill-down, export) that keep what is on screen. */
export function filterQuery(f: Board['filter'], extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.regionId) q.set('region', f.regionId);
  if (f.kind) q.set('kind', f.kind);
  if (f.domain) q.set('domain', f.domain);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The words of a cell: colour name and counts, so colour is never the only signal. */
export function cellWords(c: CellCounts): string[] {
  if (c.total === 0) return [t('board.color.none')];
  const out = [t(`board.color.${cellColor(c)}`)];
  if (c.overdue) out.push(t('board.cell.overdue', { n: c.overdue }));
  if (c.due_soon) out.push(t('board.cell.due_soon', { n: c.due_soon }));
  out.push(t('board.cell.total', { n: c.total }));
  return out;
}

function Cell(p: { row: BoardRow; domain: CatalogDomain; filter: Board['filter'] }) {
  const c = p.row.cells[p.domain];
  const color = cellColor(c);
  if (color === 'none')
    return (
      <td class="cell none">
        <span aria-hidden="true">{t('board.color.none')}</span>
        <span class="visually-hidden">{t('board.color_long.none')}</span>
      </td>
    );
  const [word, ...counts] = cellWords(c);
  const href = `/admin/obligations/unit/${p.row.unit.id}${filterQuery({ domain: p.domain })}`;
  return (
    <td class={`cell ${color}`}>
      <a href={href}>
        <strong>{word}</strong> <span>{counts.join(' · ')}</span>
      </a>
    </td>
  );
}

function Grid({ board }: { board: Board }) {
  const top = board.rows.length ? Math.min(...board.rows.map((r) => r.unit.depth)) : 0;
  return (
    <div class="table-scroll">
      <table class="board-grid">
        <caption>{t('board.grid_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('board.unit')}</th>
            <th scope="col">{t('board.kind')}</th>
            {board.domains.map((d) => (
              <th key={d} scope="col">
                {domainLabel(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.rows.map((r) => (
            <tr key={r.unit.id}>
              <th scope="row" style={`padding-left:${0.5 + (r.unit.depth - top) * 1.2}rem`}>
                <a href={`/admin/obligations/unit/${r.unit.id}`}>{r.unit.name}</a>
              </th>
              <td>{t(`kind.${r.unit.kind}`)}</td>
              {board.domains.map((d) => (
                <Cell key={d} row={r} domain={d} filter={board.filter} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Summary({ board }: { board: Board }) {
  const c = board.totals;
  return (
    <dl class="board-summary" aria-label={t('board.summary')}>
      {(['overdue', 'due_soon', 'upcoming', 'late', 'on_time'] as const).map((k) => (
        <div key={k} class={`sum ${k}`}>
          <dt>{t(`board.cls.${k}`)}</dt>
          <dd>{c[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function OverdueTable({ items }: { items: OverdueItem[] }) {
  return (
    <div class="table-scroll">
      <table class="compact">
        <thead>
          <tr>
            <th scope="col">{t('board.unit')}</th>
            <th scope="col">{t('board.domain')}</th>
            <th scope="col">{t('board.item')}</th>
            <th scope="col">{t('board.period')}</th>
            <th scope="col">{t('board.due_date')}</th>
            <th scope="col">{t('board.days_late')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.obligationId}>
              <td>{o.unitName}</td>
              <td>{domainLabel(o.domain)}</td>
              <td>{o.item}</td>
              <td>{o.title ?? o.periodKey}</td>
              <td>
                {o.dueDate}
                {o.dueProvisional === 1 && <span class="tag warn">{t('obligation.provisional')}</span>}
              </td>
              <td class="num">{o.daysLate}</td>
              <td>
                <a href={`/admin/units/${o.unitId}/obligations`}>{t('board.record')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StaleTable({ board }: { board: Board }) {
  return (
    <div class="table-scroll">
      <table class="compact">
        <thead>
          <tr>
            <th scope="col">{t('board.unit')}</th>
            <th scope="col">{t('board.domain')}</th>
            <th scope="col">{t('board.item')}</th>
            <th scope="col">{t('board.last_item')}</th>
          </tr>
        </thead>
        <tbody>
          {board.stale.slice(0, LIST_LIMIT).map((s) => (
            <tr key={`${s.unitId}-${s.entryId}`}>
              <td>{s.unitName}</td>
              <td>{domainLabel(s.domain)}</td>
              <td>{s.item}</td>
              <td>{s.lastItem ?? t('board.never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BoardPage(
  p: Meta & {
    board: Board;
    dueSoonDays: number;
    regions: Option[];
    kinds: Option[];
    periodLabel: (key: string) => string;
  },
) {
  const b = p.board;
  return (
    <AdminLayout {...p}>
      <div class="title-row">
        <h1>{t('board.title')}</h1>
        <a class="button" href={`/admin/obligations/export.xlsx${filterQuery(b.filter)}`} download>
          {t('board.export')}
        </a>
      </div>
      <p class="lead">{t('board.lead', { today: b.dates.today, days: p.dueSoonDays })}</p>
      <form method="get" action="/admin/obligations" class="filters" role="search">
        <SelectField
          name="region"
          label={t('board.region')}
          value={b.filter.regionId ?? ''}
          options={p.regions}
          placeholder={t('board.whole_scope')}
        />
        <SelectField
          name="kind"
          label={t('board.kind')}
          value={b.filter.kind ?? ''}
          options={p.kinds}
          placeholder={t('common.all')}
        />
        <SelectField
          name="domain"
          label={t('board.domain')}
          value={b.filter.domain ?? ''}
          options={(['party', 'government', 'finance', 'village', 'service'] as const).map((d) => ({
            value: d,
            label: domainLabel(d),
          }))}
          placeholder={t('common.all')}
        />
        <button type="submit">{t('common.filter')}</button>
      </form>
      <Summary board={b} />
      {b.rows.length === 0 ? <p>{t('board.no_rows')}</p> : <Grid board={b} />}
      {b.unitsWithout > 0 && <p class="muted">{t('board.units_without', { n: b.unitsWithout })}</p>}

      <h2 id="overdue">{t('board.overdue_title', { n: b.overdueTotal })}</h2>
      {b.overdue.length === 0 ? (
        <p>{t('board.overdue_none')}</p>
      ) : (
        <>
          <OverdueTable
            items={b.overdue.map((o) => ({ ...o, title: o.title ?? p.periodLabel(o.periodKey) }))}
          />
          {b.overdue.length < b.overdueTotal && (
            <p class="muted">{t('board.overdue_more', { shown: b.overdue.length })}</p>
          )}
        </>
      )}

      <h2 id="stale">{t('board.stale_title', { n: b.stale.length })}</h2>
      <p class="hint">{t('board.stale_hint', { days: b.staleDays })}</p>
      {b.stale.length === 0 ? <p>{t('board.stale_none')}</p> : <StaleTable board={b} />}
      {b.stale.length > LIST_LIMIT && <p class="muted">{t('board.overdue_more', { shown: LIST_LIMIT })}</p>}

      <h2 id="trend">{t('board.trend_title')}</h2>
      <TrendFigure months={b.trend} />
    </AdminLayout>
  );
}
