import { AdminLayout } from '../../admin/nav.tsx';
import { DOMAINS, PERIODS, TIMINGS } from '../../catalog/vocabulary.ts';
import type { Unit } from '../../db/types.ts';
import type { DemandStatus } from '../../db/types-engagement.ts';
import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';
import { CANNOT_DISCLOSE_GROUNDS, groundLabel } from './grounds.ts';
import { AnswerView, demandHref } from './public-views.tsx';
import type { AnswerLinks, DemandListItem } from './queries.ts';
import type { Demand, DemandAnswer } from './store.ts';

type Meta = PageMeta & { largeType?: boolean };
export const ADMIN_STATUSES: readonly DemandStatus[] = ['held', 'open', 'answered', 'rejected'];
const TAB_LABEL: Record<DemandStatus, string> = {
  held: 'demand.admin_queue',
  open: 'demand.admin_open',
  answered: 'demand.admin_answered',
  rejected: 'demand.admin_rejected',
};

/** /admin/demands: the demands of the actor's units, by status (the moderation queue first). */
export function AdminDemandsPage(
  p: Meta & { items: (DemandListItem & { heldWords: string | null })[]; status: DemandStatus | null },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('demand.admin_title')}</h1>
      <p class="lead">{t('demand.admin_lead')}</p>
      {p.flash && (
        <p class="flash" role="status">
          {p.flash}
        </p>
      )}
      <nav class="tabs" aria-label={t('demand.f.status')}>
        <ul class="inline-list">
          <li>
            <a href="/admin/demands" aria-current={p.status === null ? 'page' : undefined}>
              {t('demand.filter_all')}
            </a>
          </li>
          {ADMIN_STATUSES.map((s) => (
            <li key={s}>
              <a href={`/admin/demands?status=${s}`} aria-current={p.status === s ? 'page' : undefined}>
                {t(TAB_LABEL[s])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.items.length === 0 ? (
        <p>{t('demand.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('demand.f.title')}</th>
                <th scope="col">{t('demand.f.unit')}</th>
                <th scope="col">{t('demand.f.status')}</th>
                <th scope="col">{t('demand.f.supports')}</th>
                <th scope="col">{t('demand.f.submitted_at')}</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={`/admin/demands/${d.id}`}>{d.title}</a>
                  </td>
                  <td>{d.unitName}</td>
                  <td>
                    {t(`demand.status.${d.status}`)}
                    {d.heldWords && <span class="muted"> · {d.heldWords}</span>}
                  </td>
                  <td>{d.supportCount}</td>
                  <td>{fmtTime(d.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

const opts = (terms: readonly { code: string; label: string }[]) =>
  terms.map((x) => ({ value: x.code, label: x.label }));

function ModerateForm(p: { d: Demand; csrf: string; errors?: ErrorMap; values: Record<string, unknown> }) {
  return (
    <form method="post" action={`/admin/demands/${p.d.id}/moderate`} class="stack narrow">
      <Csrf token={p.csrf} />
      <h2>{t('demand.moderate')}</h2>
      <TextArea
        name="note"
        label={t('demand.moderate.note')}
        value={String(p.values.note ?? '')}
        error={p.errors?.note}
        maxLength={500}
      />
      <div class="actions">
        <button type="submit" name="decision" value="release">
          {t('demand.moderate.release')}
        </button>{' '}
        <button type="submit" name="decision" value="reject">
          {t('demand.moderate.reject')}
        </button>
      </div>
    </form>
  );
}

function AnswerForm(p: { d: Demand; csrf: string; errors?: ErrorMap; values: Record<string, unknown> }) {
  const v = (k: string) => String(p.values[k] ?? '');
  const e = p.errors ?? {};
  const kind = v('kind');
  return (
    <form method="post" action={`/admin/demands/${p.d.id}/answer`} class="stack">
      <Csrf token={p.csrf} />
      <h2>{t('demand.answer_form')}</h2>
      <fieldset id="f-kind" class={e.kind ? 'has-error' : undefined}>
        <legend>{t('demand.answer_kind')}</legend>
        {(['added_to_catalog', 'already_published', 'cannot_disclose'] as const).map((k) => (
          <div class="field checkbox" key={k}>
            <input id={`f-kind-${k}`} type="radio" name="kind" value={k} checked={kind === k} required />
            <label for={`f-kind-${k}`}>{t(`demand.answer.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('demand.answer.catalog_legend')}</legend>
        <SelectField
          name="domain"
          label={t('demand.f.domain')}
          value={v('domain')}
          error={e.domain}
          placeholder=""
          options={opts(DOMAINS)}
        />
        <TextField name="level1" label={t('demand.f.level1')} value={v('level1')} error={e.level1} />
        <TextField name="level2" label={t('demand.f.level2')} value={v('level2')} error={e.level2} />
        <TextField name="item" label={t('demand.f.item')} value={v('item') || p.d.title} error={e.item} />
        <TextArea name="elements" label={t('demand.f.elements')} value={v('elements')} error={e.elements} />
        <SelectField
          name="timing"
          label={t('demand.f.timing')}
          value={v('timing')}
          error={e.timing}
          placeholder=""
          options={opts(TIMINGS)}
        />
        <SelectField
          name="period"
          label={t('demand.f.period')}
          value={v('period')}
          error={e.period}
          placeholder=""
          options={opts(PERIODS)}
        />
      </fieldset>
      <fieldset>
        <legend>{t('demand.answer.published_legend')}</legend>
        <TextField
          name="disclosureId"
          label={t('demand.answer.disclosure_id')}
          value={v('disclosureId')}
          error={e.disclosureId}
        />
      </fieldset>
      <fieldset>
        <legend>{t('demand.answer.cannot_legend')}</legend>
        <SelectField
          name="ground"
          label={t('demand.answer.ground')}
          value={v('ground')}
          error={e.ground}
          placeholder=""
          options={CANNOT_DISCLOSE_GROUNDS.map((g) => ({ value: g.key, label: groundLabel(g.key) }))}
        />
      </fieldset>
      <TextArea
        name="explanation"
        label={t('demand.answer.explanation')}
        value={v('explanation')}
        error={e.explanation}
        rows={4}
        maxLength={2000}
      />
      <button type="submit">{t('demand.answer_submit')}</button>
    </form>
  );
}

/** /admin/demands/:id: the demand in full (the writer's contact too), moderation or answer form. */
export function AdminDemandPage(
  p: Meta & {
    d: Demand;
    unit: Unit;
    answer: DemandAnswer | null;
    links: AnswerLinks | null;
    errors?: ErrorMap;
    message?: string;
    values?: Record<string, unknown>;
  },
) {
  const d = p.d;
  return (
    <AdminLayout {...p}>
      <p class="muted">
        <a href="/admin/demands">{t('demand.admin_title')}</a>
      </p>
      <h1>{d.title}</h1>
      {p.flash && (
        <p class="flash" role="status">
          {p.flash}
        </p>
      )}
      <ErrorSummary errors={p.errors} message={p.message} />
      <dl class="facts">
        <dt>{t('demand.f.unit')}</dt>
        <dd>{p.unit.name}</dd>
        <dt>{t('demand.f.status')}</dt>
        <dd>{t(`demand.status.${d.status}`)}</dd>
        {d.held_words && (
          <>
            <dt>{t('demand.f.held_words')}</dt>
            <dd>{d.held_words}</dd>
          </>
        )}
        <dt>{t('demand.f.supports')}</dt>
        <dd>{d.support_count}</dd>
        <dt>{t('demand.f.submitted_at')}</dt>
        <dd>{fmtTime(d.submitted_at)}</dd>
        <dt>{t('demand.f.author_staff')}</dt>
        <dd>{d.author_name ?? '—'}</dd>
        <dt>{t('demand.f.contact_staff')}</dt>
        <dd>{d.contact ?? '—'}</dd>
        {d.moderation_note && (
          <>
            <dt>{t('demand.moderate.note')}</dt>
            <dd>{d.moderation_note}</dd>
          </>
        )}
      </dl>
      <h2>{t('demand.f.description')}</h2>
      <p>{d.description}</p>
      {(d.status === 'open' || d.status === 'answered') && (
        <p>
          <a href={demandHref(d.id)}>{t('demand.detail_title')}</a>
        </p>
      )}
      {d.status === 'held' && (
        <ModerateForm d={d} csrf={p.csrfToken} errors={p.errors} values={p.values ?? {}} />
      )}
      {d.status === 'open' && (
        <AnswerForm d={d} csrf={p.csrfToken} errors={p.errors} values={p.values ?? {}} />
      )}
      {p.answer && p.links && (
        <AnswerView answer={p.answer} links={p.links} unitName={p.unit.name} unitCode={p.unit.code} />
      )}
    </AdminLayout>
  );
}
