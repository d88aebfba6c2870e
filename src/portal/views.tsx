import type { VNode } from 'preact';
import type { Unit } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import type { TreeNode } from '../units/queries.ts';
import { Layout, type PageMeta } from '../views/layout.tsx';
import type { ListedItem } from './listing.ts';
import { columnHref, columnLabel, DomainTabs, ItemList, SearchForm } from './listing-views.tsx';
import type { ColumnGroup } from './unit-columns.ts';

type Meta = PageMeta & { largeType?: boolean; feeds?: { href: string; title: string }[] };

function UnitLink({ u }: { u: Unit }) {
  return <a href={`/units/${encodeURIComponent(u.code)}`}>{u.name}</a>;
}

export function HomePage(
  p: Meta & {
    townships: TreeNode[];
    departments: Unit[];
    party: Unit[];
    counts: Record<string, number>;
    latest: ListedItem[];
    domain: string | null;
    domainCounts: Map<string, number>;
    today: string;
  },
) {
  const published = [...p.domainCounts.values()].reduce((a, b) => a + b, 0);
  return (
    <Layout {...p}>
      <section class="hero">
        <h1>
          {p.tenantName}
          {t('app.name_suffix')}
        </h1>
        <p class="lead">{t('portal.intro')}</p>
        <SearchForm id="home-q" visibleLabel={false} />
        <ul class="stats">
          <li>
            <strong>{published}</strong> {t('portal.count_published')}
          </li>
          <li>
            <strong>{p.counts.township ?? 0}</strong> {t('portal.count_townships')}
          </li>
          <li>
            <strong>{p.counts.village ?? 0}</strong> {t('portal.count_villages')}
          </li>
          <li>
            <strong>{p.counts.department ?? 0}</strong> {t('portal.count_departments')}
          </li>
          <li>
            <strong>{p.counts.party ?? 0}</strong> {t('portal.count_party')}
          </li>
        </ul>
      </section>
      <section aria-labelledby="latest">
        <h2 id="latest">{t('portal.latest')}</h2>
        <DomainTabs active={p.domain} counts={p.domainCounts} />
        <ItemList items={p.latest} today={p.today} showUnit />
      </section>
      <section aria-labelledby="nav-region">
        <h2 id="nav-region">{t('portal.by_region')}</h2>
        <div class="cards">
          {p.townships.map((n) => (
            <article class="card" key={n.unit.id}>
              <h3>
                <UnitLink u={n.unit} />
              </h3>
              <ul class="inline-list">
                {n.children.map((c) => (
                  <li key={c.unit.id}>
                    <UnitLink u={c.unit} />
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </div>
      </section>
      <section aria-labelledby="nav-dept">
        <h2 id="nav-dept">{t('portal.departments')}</h2>
        <ul class="inline-list">
          {p.departments.map((u) => (
            <li key={u.id}>
              <UnitLink u={u} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="nav-party">
        <h2 id="nav-party">{t('portal.party')}</h2>
        <ul class="inline-list">
          {p.party.map((u) => (
            <li key={u.id}>
              <UnitLink u={u} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="nav-requests">
        <h2 id="nav-requests">{t('request.title')}</h2>
        <ul class="inline-list">
          <li>
            <a href="/requests/new">{t('request.new_title')}</a>
          </li>
          <li>
            <a href="/requests/track">{t('request.track_title')}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}

export function DirectoryPage(p: Meta & { q: string; units: Unit[] }) {
  return (
    <Layout {...p}>
      <h1>{t('nav.directory')}</h1>
      <form method="get" action="/units" role="search" class="search">
        <label for="dir-q">{t('portal.search_units')}</label>
        <input id="dir-q" name="q" type="search" value={p.q} />
        <button type="submit">{t('common.search')}</button>
      </form>
      <p class="muted">{t('unit.count', { n: p.units.length })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('unit.name')}</th>
            <th scope="col">{t('unit.kind')}</th>
            <th scope="col">{t('unit.phone')}</th>
          </tr>
        </thead>
        <tbody>
          {p.units.map((u) => (
            <tr key={u.id}>
              <td>
                <UnitLink u={u} />
              </td>
              <td>{t(`kind.${u.kind}`)}</td>
              <td>{u.contact_phone ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function UnitPage(
  p: Meta & {
    unit: Unit;
    parent: Unit | null;
    children: Unit[];
    host: Unit | null;
    groups: ColumnGroup[];
    today: string;
    /** engagement sections (src/engagement/unit-panel.tsx): echo wall, consultations, demands … */
    engagement?: VNode[];
  },
) {
  const u = p.unit;
  return (
    <Layout {...p}>
      <nav aria-label={t('common.breadcrumb')} class="breadcrumb">
        <ol>
          <li>
            <a href="/">{t('nav.portal')}</a>
          </li>
          {p.parent && p.parent.kind !== 'region' && (
            <li>
              <UnitLink u={p.parent} />
            </li>
          )}
          <li aria-current="page">{u.name}</li>
        </ol>
      </nav>
      <h1>{u.name}</h1>
      {u.status === 'retired' && (
        <p class="notice" role="note">
          {t('portal.unit_retired')}
        </p>
      )}
      <dl class="facts">
        <dt>{t('unit.kind')}</dt>
        <dd>{t(`kind.${u.kind}`)}</dd>
        {p.host && (
          <>
            <dt>{t('unit.host')}</dt>
            <dd>
              <UnitLink u={p.host} />
            </dd>
          </>
        )}
        <dt>{t('unit.phone')}</dt>
        <dd>{u.contact_phone ?? '—'}</dd>
        <dt>{t('unit.address')}</dt>
        <dd>{u.address ?? '—'}</dd>
      </dl>
      <section aria-labelledby="unit-columns">
        <h2 id="unit-columns">{t('portal.columns')}</h2>
        {p.groups.length === 0 && <p class="muted">{t('portal.no_columns')}</p>}
        {p.groups.map((g, gi) => (
          <section key={g.level1} aria-labelledby={`l1-${gi}`} class="column-group">
            <h3 id={`l1-${gi}`}>{g.level1}</h3>
            <div class="cards">
              {g.columns.map((c) => (
                <article class="card" key={c.entry.id} aria-labelledby={`col-${c.entry.id}`}>
                  <h4 id={`col-${c.entry.id}`}>
                    <a href={columnHref(u.code, c.entry.id)}>{columnLabel(c.entry)}</a>{' '}
                    <span class="muted">{t('portal.count_items', { n: c.count })}</span>
                  </h4>
                  <ItemList items={c.items} today={p.today} empty={t('portal.column.empty')} />
                  {c.count > c.items.length && (
                    <p>
                      <a href={columnHref(u.code, c.entry.id)}>
                        {t('portal.more')}
                        <span class="visually-hidden">{columnLabel(c.entry)}</span>
                      </a>
                    </p>
                  )}
                </article>
              ))}
            </div>
          </section>
        ))}
        <p>
          <a href={`/units/${encodeURIComponent(u.code)}/feed.atom`}>{t('portal.feed')}</a>
        </p>
      </section>
      {p.engagement}
      {p.children.length > 0 && (
        <section>
          <h2>{t('portal.subunits')}</h2>
          <ul class="inline-list">
            {p.children.map((c) => (
              <li key={c.id}>
                <UnitLink u={c} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
