import { describeTimeLimit, labelOf, PERIODS } from '../catalog/vocabulary.ts';
import type { Unit } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { periodLabel } from '../obligations/periods.ts';
import { Layout, type PageMeta } from '../views/layout.tsx';
import type { ListedItem } from './listing.ts';
import type { ColumnEntry } from './unit-columns.ts';

type Meta = PageMeta & { largeType?: boolean; feeds?: { href: string; title: string }[] };

export const PORTAL_DOMAINS = ['party', 'government', 'finance', 'village'] as const;

export const unitHref = (code: string) => `/units/${encodeURIComponent(code)}`;
export const columnHref = (code: string, entryId: string) => `${unitHref(code)}/columns/${entryId}`;

/** A list of disclosures: title (link to /d/:id), 已撤销 / 已归档 marks, date, optionally the unit. */
export function ItemList(p: { items: ListedItem[]; today: string; showUnit?: boolean; empty?: string }) {
  if (p.items.length === 0) return <p class="muted">{p.empty ?? t('portal.list.empty')}</p>;
  return (
    <ul class="item-list">
      {p.items.map((i) => (
        <li key={i.id}>
          <a href={`/d/${i.id}`}>{i.title}</a>
          {i.state === 'revoked' && <span class="tag warn">{t('portal.list.revoked')}</span>}
          {i.displayUntil && i.displayUntil < p.today && <span class="tag">{t('portal.list.archived')}</span>}{' '}
          <span class="muted">
            {p.showUnit && `${i.unitName} · `}
            {i.periodKey && `${periodLabel(i.periodKey)} · `}
            <time datetime={i.publishedAt}>{fmtTime(i.publishedAt).slice(0, 10)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Previous / next links (rel=prev/next) and the page position; nothing when there is one page. */
export function Pager(p: { page: number; pages: number; href: (n: number) => string }) {
  if (p.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('common.pagination')}>
      {p.page > 1 && (
        <a rel="prev" href={p.href(p.page - 1)}>
          {t('common.prev')}
        </a>
      )}
      <span>{t('portal.page_of', { page: p.page, pages: p.pages })}</span>
      {p.page < p.pages && (
        <a rel="next" href={p.href(p.page + 1)}>
          {t('common.next')}
        </a>
      )}
    </nav>
  );
}

/** Domain tabs on the home page: plain links, the active one marked aria-current. */
export function DomainTabs(p: { active: string | null; counts: Map<string, number> }) {
  const total = [...p.counts.values()].reduce((a, b) => a + b, 0);
  const tab = (code: string | null, label: string, n: number) => (
    <li key={code ?? 'all'}>
      <a href={code ? `/?domain=${code}` : '/'} aria-current={p.active === code ? 'page' : undefined}>
        {label} <span class="muted">({n})</span>
      </a>
    </li>
  );
  return (
    <nav class="tabs" aria-label={t('portal.domain_tabs')}>
      <ul class="inline-list">
        {tab(null, t('portal.domain.all'), total)}
        {PORTAL_DOMAINS.map((d) => tab(d, t(`catalog.domain.${d}`), p.counts.get(d) ?? 0))}
      </ul>
    </nav>
  );
}

function ColumnFacts({ e }: { e: ColumnEntry }) {
  return (
    <dl class="facts">
      <dt>{t('catalog.domain')}</dt>
      <dd>{t(`catalog.domain.${e.domain}`)}</dd>
      <dt>{t('portal.column.timing')}</dt>
      <dd>
        {t(`catalog.timing.${e.timing}`)}
        {e.period && `（${labelOf(PERIODS, e.period)}）`}
      </dd>
      <dt>{t('portal.column.time_limit')}</dt>
      <dd>{e.time_limit_text ?? describeTimeLimit(e)}</dd>
      <dt>{t('portal.column.legal_basis')}</dt>
      <dd>{e.legal_basis || '—'}</dd>
    </dl>
  );
}

export function columnLabel(e: Pick<ColumnEntry, 'level1' | 'level2' | 'item'>): string {
  return [e.level2, e.item].filter((x, i, a) => x && a.indexOf(x) === i).join(' / ') || e.level1;
}

export function ColumnPage(
  p: Meta & {
    unit: Unit;
    entry: ColumnEntry;
    items: ListedItem[];
    page: number;
    pages: number;
    total: number;
    archived: boolean;
    today: string;
  },
) {
  const base = columnHref(p.unit.code, p.entry.id);
  const href = (n: number) => `${base}?${p.archived ? 'archived=1&' : ''}page=${n}`;
  return (
    <Layout {...p}>
      <nav aria-label={t('common.breadcrumb')} class="breadcrumb">
        <ol>
          <li>
            <a href="/">{t('nav.portal')}</a>
          </li>
          <li>
            <a href={unitHref(p.unit.code)}>{p.unit.name}</a>
          </li>
          <li aria-current="page">{columnLabel(p.entry)}</li>
        </ol>
      </nav>
      <h1>
        {columnLabel(p.entry)}
        {p.archived && ` · ${t('portal.list.archived')}`}
      </h1>
      <p class="muted">{p.entry.level1}</p>
      <ColumnFacts e={p.entry} />
      <section aria-labelledby="col-items">
        <h2 id="col-items">
          {p.archived ? t('portal.column.archived_items') : t('portal.column.items')}
          <span class="muted"> {t('portal.count_items', { n: p.total })}</span>
        </h2>
        <ItemList
          items={p.items}
          today={p.today}
          empty={p.archived ? t('portal.column.no_archived') : t('portal.column.empty')}
        />
        <Pager page={p.page} pages={p.pages} href={href} />
        <p>
          {p.archived ? (
            <a href={base}>{t('portal.column.back_current')}</a>
          ) : (
            <a href={`${base}?archived=1`}>{t('portal.column.see_archived')}</a>
          )}
          {' · '}
          <a href={`${base}/feed.atom`}>{t('portal.feed')}</a>
        </p>
      </section>
    </Layout>
  );
}

export function SearchPage(
  p: Meta & {
    q: string;
    items: ListedItem[];
    page: number;
    pages: number;
    total: number;
    today: string;
  },
) {
  return (
    <Layout {...p}>
      <h1>{t('portal.search.title')}</h1>
      <SearchForm id="search-q" q={p.q} />
      {p.q && (
        <section aria-labelledby="search-results">
          <h2 id="search-results">{t('portal.search.results', { n: p.total, q: p.q })}</h2>
          <ItemList items={p.items} today={p.today} showUnit empty={t('portal.search.none')} />
          <Pager
            page={p.page}
            pages={p.pages}
            href={(n) => `/search?q=${encodeURIComponent(p.q)}&page=${n}`}
          />
        </section>
      )}
    </Layout>
  );
}

export function SearchForm(p: { id: string; q?: string; visibleLabel?: boolean }) {
  return (
    <form method="get" action="/search" role="search" class="search">
      <label for={p.id} class={p.visibleLabel === false ? 'visually-hidden' : undefined}>
        {t('portal.search.label')}
      </label>
      <input
        id={p.id}
        name="q"
        type="search"
        value={p.q ?? ''}
        maxLength={50}
        placeholder={t('portal.search.placeholder')}
      />
      <button type="submit">{t('common.search')}</button>
    </form>
  );
}
