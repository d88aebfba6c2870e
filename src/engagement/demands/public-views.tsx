import type { Unit } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Pager, unitHref } from '../../portal/listing-views.tsx';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../../views/form.tsx';
import { Layout, type PageMeta } from '../../views/layout.tsx';
import { groundLabel } from './grounds.ts';
import type { AnswerLinks, DemandListItem, MaskedDemand } from './queries.ts';
import { DESCRIPTION_MAX, TITLE_MAX } from './schemas.ts';
import type { DemandAnswer } from './store.ts';

type Meta = PageMeta & { largeType?: boolean };

export const demandHref = (id: string) => `/demands/${encodeURIComponent(id)}`;

function StatusTag({ status }: { status: string }) {
  return <span class={status === 'open' ? 'tag' : 'tag ok'}>{t(`demand.status.${status}`)}</span>;
}

/** A list of demands: title (link), unit, status, support count, date. */
export function DemandList(p: { items: DemandListItem[]; showUnit?: boolean }) {
  if (p.items.length === 0) return <p class="muted">{t('demand.none')}</p>;
  return (
    <ul class="item-list">
      {p.items.map((d) => (
        <li key={d.id}>
          <a href={demandHref(d.id)}>{d.title}</a> <StatusTag status={d.status} />{' '}
          <span class="muted">
            {p.showUnit && `${d.unitName} · `}
            {t('demand.support_count', { n: d.supportCount })} ·{' '}
            <time datetime={d.submittedAt}>{fmtTime(d.submittedAt).slice(0, 10)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

export interface ListParams {
  unitCode: string;
  state: '' | 'open' | 'answered';
  sort: 'support' | 'newest';
}

export function listQuery(base: string, q: ListParams, page?: number): string {
  const sp = new URLSearchParams();
  if (q.unitCode && !base.startsWith('/units/')) sp.set('unit', q.unitCode);
  if (q.state) sp.set('state', q.state);
  if (q.sort !== 'support') sp.set('sort', q.sort);
  if (page && page > 1) sp.set('page', String(page));
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

/** /demands and /units/:code/demands: filters (GET form), the list, paging. */
export function DemandsPage(
  p: Meta & {
    unit: Unit | null;
    units: { code: string; name: string }[];
    items: DemandListItem[];
    total: number;
    page: number;
    pages: number;
    q: ListParams;
  },
) {
  const base = p.unit ? `${unitHref(p.unit.code)}/demands` : '/demands';
  return (
    <Layout {...p}>
      <h1>{p.unit ? t('demand.unit_list_title', { unit: p.unit.name }) : t('demand.list_title')}</h1>
      <p class="lead">{t('demand.lead')}</p>
      {p.flash && (
        <p class="flash" role="status">
          {p.flash}
        </p>
      )}
      <p>
        <a class="button" href={p.unit ? `${unitHref(p.unit.code)}/demands/new` : '/demands/new'}>
          {t('demand.new_link')}
        </a>
      </p>
      <form method="get" action={base} class="search">
        {!p.unit && (
          <div class="field">
            <label for="f-unit">{t('demand.filter_unit')}</label>
            <select id="f-unit" name="unit">
              <option value="">{t('demand.filter_all')}</option>
              {p.units.map((u) => (
                <option key={u.code} value={u.code} selected={u.code === p.q.unitCode}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="f-state">{t('demand.filter_state')}</label>
          <select id="f-state" name="state">
            <option value="">{t('demand.filter_all')}</option>
            {(['open', 'answered'] as const).map((s) => (
              <option key={s} value={s} selected={p.q.state === s}>
                {t(`demand.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-sort">{t('demand.sort')}</label>
          <select id="f-sort" name="sort">
            {(['support', 'newest'] as const).map((s) => (
              <option key={s} value={s} selected={p.q.sort === s}>
                {t(`demand.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('demand.filter')}</button>
      </form>
      <p class="muted">{t('portal.count_items', { n: p.total })}</p>
      <DemandList items={p.items} showUnit={!p.unit} />
      <Pager page={p.page} pages={p.pages} href={(n) => listQuery(base, p.q, n)} />
    </Layout>
  );
}

/** The public form: a fixed unit (/units/:code/demands/new) or a unit picker (/demands/new). */
export function NewDemandPage(
  p: Meta & {
    unit: Unit | null;
    units: { id: string; name: string }[];
    values: Record<string, unknown>;
    errors?: ErrorMap;
    message?: string;
  },
) {
  const v = (k: string) => String(p.values[k] ?? '');
  return (
    <Layout {...p}>
      <h1>{t('demand.new_title')}</h1>
      <p class="lead">{t('demand.new_lead')}</p>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/demands" class="stack">
        <Csrf token={p.csrfToken} />
        {p.unit ? (
          <>
            <input type="hidden" name="unitId" value={p.unit.id} />
            <input type="hidden" name="from" value={p.unit.code} />
            <p>
              {t('demand.f.unit')}：<strong>{p.unit.name}</strong>
            </p>
          </>
        ) : (
          <SelectField
            name="unitId"
            label={t('demand.f.unit')}
            value={v('unitId')}
            error={p.errors?.unitId}
            required
            placeholder={t('demand.f.unit_pick')}
            options={p.units.map((u) => ({ value: u.id, label: u.name }))}
          />
        )}
        <TextField
          name="title"
          label={t('demand.f.title')}
          hint={t('demand.f.title_hint')}
          value={v('title')}
          error={p.errors?.title}
          required
          maxLength={TITLE_MAX}
        />
        <TextArea
          name="description"
          label={t('demand.f.description')}
          value={v('description')}
          error={p.errors?.description}
          required
          rows={6}
          maxLength={DESCRIPTION_MAX}
        />
        <TextField
          name="authorName"
          label={t('demand.f.author_name')}
          value={v('authorName')}
          error={p.errors?.authorName}
          autocomplete="name"
          maxLength={50}
        />
        <TextField
          name="contact"
          label={t('demand.f.contact')}
          value={v('contact')}
          error={p.errors?.contact}
          maxLength={100}
        />
        <div class="visually-hidden" aria-hidden="true">
          <label for="f-website">{t('demand.f.website')}</label>
          <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <button type="submit">{t('demand.submit')}</button>
      </form>
    </Layout>
  );
}

export function AnswerView(p: {
  answer: DemandAnswer;
  links: AnswerLinks;
  unitName: string;
  unitCode: string;
}) {
  const a = p.answer;
  return (
    <section aria-labelledby="answer">
      <h2 id="answer">{t('demand.answer_title')}</h2>
      <dl class="facts">
        <dt>{t('demand.answer_kind')}</dt>
        <dd>{t(`demand.answer.${a.kind}`)}</dd>
        <dt>{t('demand.answer.by')}</dt>
        <dd>{p.unitName}</dd>
        <dt>{t('demand.f.answered_at')}</dt>
        <dd>
          <time datetime={a.answered_at}>{fmtTime(a.answered_at)}</time>
        </dd>
        {p.links.entry && (
          <>
            <dt>{t('demand.answer.entry')}</dt>
            <dd id="answer-entry">
              <a href={`${unitHref(p.unitCode)}/columns/${p.links.entry.id}`}>
                {[p.links.entry.level1, p.links.entry.level2, p.links.entry.item].filter(Boolean).join(' / ')}
              </a>
            </dd>
          </>
        )}
        {p.links.disclosure && (
          <>
            <dt>{t('demand.answer.disclosure')}</dt>
            <dd>
              <a id="answer-disclosure" href={`/d/${p.links.disclosure.id}`}>
                {p.links.disclosure.title}
              </a>
            </dd>
          </>
        )}
        {a.kind === 'cannot_disclose' && (
          <>
            <dt>{t('demand.answer.ground')}</dt>
            <dd id="answer-ground">{groundLabel(a.ground)}</dd>
          </>
        )}
        {a.explanation && (
          <>
            <dt>{t('demand.answer.explanation')}</dt>
            <dd class="prewrap">{a.explanation}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** /demands/:id: the masked demand, its support count and button (a plain form), and the answer. */
export function DemandPage(
  p: Meta & {
    demand: MaskedDemand;
    unit: Unit;
    supported: boolean;
    answer: DemandAnswer | null;
    links: AnswerLinks | null;
  },
) {
  const d = p.demand;
  return (
    <Layout {...p}>
      <p class="muted">
        <a href="/demands">{t('demand.list_title')}</a> ·{' '}
        <a href={`${unitHref(p.unit.code)}/demands`}>{p.unit.name}</a>
      </p>
      <h1>{d.title}</h1>
      {p.flash && (
        <p class="flash" role="status">
          {p.flash}
        </p>
      )}
      <dl class="facts">
        <dt>{t('demand.f.unit')}</dt>
        <dd>
          <a href={unitHref(p.unit.code)}>{p.unit.name}</a>
        </dd>
        <dt>{t('demand.f.status')}</dt>
        <dd>
          <StatusTag status={d.status} />
        </dd>
        <dt>{t('demand.f.supports')}</dt>
        <dd id="support-count">{d.supportCount}</dd>
        <dt>{t('demand.f.submitted_at')}</dt>
        <dd>
          <time datetime={d.submittedAt}>{fmtTime(d.submittedAt)}</time>
        </dd>
      </dl>
      <h2>{t('demand.f.description')}</h2>
      <p class="prewrap">{d.description}</p>
      {d.status === 'open' &&
        (p.supported ? (
          <p class="muted">{t('demand.supported')}</p>
        ) : (
          <form method="post" action={`${demandHref(d.id)}/support`}>
            <Csrf token={p.csrfToken} />
            <button type="submit">{t('demand.support')}</button>
          </form>
        ))}
      {p.answer && p.links && (
        <AnswerView answer={p.answer} links={p.links} unitName={p.unit.name} unitCode={p.unit.code} />
      )}
    </Layout>
  );
}
