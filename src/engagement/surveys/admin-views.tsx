import { AdminLayout } from '../../admin/nav.tsx';
import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';
import type { CommentView } from './queries.ts';
import { ResultTable, statusLabel } from './result-table.tsx';
import type { SurveyResults } from './results.ts';
import { AUDIENCES, DEFAULT_WEIGHTS } from './schemas.ts';
import { effectiveStatus, type Survey, type SurveyUnit } from './store.ts';

type Meta = PageMeta & { largeType?: boolean };
export interface PickUnit {
  id: string;
  name: string;
  depth: number;
}

export function SurveyAdminList(
  p: Meta & { surveys: (Survey & { units: number })[]; today: string; canManage: boolean },
) {
  return (
    <AdminLayout {...p}>
      <div class="title-row">
        <h1>{t('survey.admin_title')}</h1>
        {p.canManage && (
          <a class="button" href="/admin/surveys/new">
            {t('survey.admin_new')}
          </a>
        )}
      </div>
      {p.surveys.length === 0 ? (
        <p>{t('survey.admin_none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('survey.f.title')}</th>
                <th scope="col">{t('survey.f.period')}</th>
                <th scope="col">{t('survey.f.unit_count')}</th>
                <th scope="col">{t('survey.f.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.surveys.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={`/admin/surveys/${s.id}`}>{s.title}</a>
                  </td>
                  <td>
                    {s.opens_on} — {s.closes_on}
                  </td>
                  <td class="num">{s.units}</td>
                  <td>{statusLabel(s, p.today, effectiveStatus(s, p.today))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

const pad = (depth: number) => '　'.repeat(Math.max(0, depth - 1));

export function NewSurveyPage(
  p: Meta & {
    units: PickUnit[];
    values: Record<string, unknown>;
    errors?: ErrorMap;
    message?: string;
    /** editing this draft instead of creating one */
    editId?: string;
  },
) {
  const v = p.values;
  const picked = new Set(
    Array.isArray(v.unitIds) ? (v.unitIds as string[]) : v.unitIds ? [String(v.unitIds)] : [],
  );
  const str = (k: string) => (v[k] === undefined ? undefined : String(v[k]));
  return (
    <AdminLayout {...p}>
      <h1>{p.editId ? t('survey.admin_edit') : t('survey.admin_new')}</h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action={p.editId ? `/admin/surveys/${p.editId}` : '/admin/surveys'} class="stack">
        <Csrf token={p.csrfToken} />
        <TextField
          name="title"
          label={t('survey.f.title')}
          value={str('title')}
          required
          maxLength={200}
          error={p.errors?.title}
        />
        <TextArea
          name="description"
          label={t('survey.f.description')}
          value={str('description')}
          maxLength={4000}
        />
        <TextField
          name="opensOn"
          type="date"
          label={t('survey.f.opens_on')}
          value={str('opensOn')}
          required
          error={p.errors?.opensOn}
        />
        <TextField
          name="closesOn"
          type="date"
          label={t('survey.f.closes_on')}
          value={str('closesOn')}
          required
          error={p.errors?.closesOn}
        />
        <SelectField
          name="audience"
          label={t('survey.f.audience')}
          value={str('audience') ?? 'signed_in'}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`survey.audience.${a}`) }))}
          error={p.errors?.audience}
        />
        <SelectField
          name="childrenOf"
          label={t('survey.f.children_of')}
          hint={t('survey.f.children_hint')}
          value={str('childrenOf')}
          placeholder=""
          options={p.units.map((u) => ({ value: u.id, label: `${pad(u.depth)}${u.name}` }))}
          error={p.errors?.childrenOf}
        />
        <fieldset class="field" id="f-unitIds">
          <legend>{t('survey.f.pick_units')}</legend>
          {p.errors?.unitIds && <p class="field-error">{p.errors.unitIds}</p>}
          {p.units.map((u) => (
            <div key={u.id} class="field checkbox">
              <input
                id={`u-${u.id}`}
                type="checkbox"
                name="unitIds"
                value={u.id}
                checked={picked.has(u.id)}
              />
              <label for={`u-${u.id}`}>
                {pad(u.depth)}
                {u.name}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{t('survey.f.weights')}</legend>
          <p class="hint">{t('survey.f.weights_hint')}</p>
          <TextField
            name="weightSatisfied"
            type="number"
            label={t('survey.f.weight_satisfied')}
            value={str('weightSatisfied') ?? DEFAULT_WEIGHTS.satisfied}
            error={p.errors?.weightSatisfied}
          />
          <TextField
            name="weightBasic"
            type="number"
            label={t('survey.f.weight_basic')}
            value={str('weightBasic') ?? DEFAULT_WEIGHTS.basic}
            error={p.errors?.weightBasic}
          />
          <TextField
            name="weightDissatisfied"
            type="number"
            label={t('survey.f.weight_dissatisfied')}
            value={str('weightDissatisfied') ?? DEFAULT_WEIGHTS.dissatisfied}
            error={p.errors?.weightDissatisfied}
          />
        </fieldset>
        <button type="submit">{t('survey.admin_create')}</button>
      </form>
    </AdminLayout>
  );
}

function Action(p: { id: string; step: string; label: string; hint?: string; csrfToken: string }) {
  return (
    <form method="post" action={`/admin/surveys/${p.id}/${p.step}`} class="inline">
      <Csrf token={p.csrfToken} />
      <button type="submit">{p.label}</button>
      {p.hint && <span class="hint"> {p.hint}</span>}
    </form>
  );
}

export function SurveyAdminPage(
  p: Meta & {
    survey: Survey;
    units: SurveyUnit[];
    today: string;
    results: SurveyResults;
    comments: CommentView[];
    canManage: boolean;
    message?: string;
  },
) {
  const s = p.survey;
  const st = effectiveStatus(s, p.today);
  return (
    <AdminLayout {...p}>
      <h1>{s.title}</h1>
      <ErrorSummary message={p.message} />
      <dl class="facts">
        <dt>{t('survey.f.period')}</dt>
        <dd>
          {s.opens_on} — {s.closes_on}
        </dd>
        <dt>{t('survey.f.status')}</dt>
        <dd>{statusLabel(s, p.today, st)}</dd>
        <dt>{t('survey.f.audience')}</dt>
        <dd>{t(`survey.audience.${s.audience}`)}</dd>
        <dt>{t('survey.f.weights')}</dt>
        <dd>
          {s.weight_satisfied} / {s.weight_basic} / {s.weight_dissatisfied}
        </dd>
        {s.finalized_at && (
          <>
            <dt>{t('survey.f.computed_at')}</dt>
            <dd>{fmtTime(s.finalized_at)}</dd>
          </>
        )}
      </dl>
      {s.description && <p>{s.description}</p>}
      {p.canManage && (
        <div class="actions">
          {st === 'draft' && <a href={`/admin/surveys/${s.id}/edit`}>{t('survey.admin_edit')}</a>}
          {st === 'draft' && (
            <Action
              id={s.id}
              step="open"
              label={t('survey.admin_open')}
              hint={t('survey.admin_open_hint')}
              csrfToken={p.csrfToken}
            />
          )}
          {s.status === 'open' && (
            <Action
              id={s.id}
              step="close"
              label={st === 'open' ? t('survey.admin_close') : t('survey.admin_close_end')}
              csrfToken={p.csrfToken}
            />
          )}
          {st === 'closed' && (
            <Action
              id={s.id}
              step="finalize"
              label={t('survey.admin_finalize')}
              hint={t('survey.admin_finalize_hint')}
              csrfToken={p.csrfToken}
            />
          )}
        </div>
      )}
      {st !== 'draft' && (
        <p>
          <a href={`/surveys/${s.id}`}>{t('survey.public_title')}</a>
        </p>
      )}
      <h2>{t('survey.results')}</h2>
      <p>
        {t('survey.f.participants')}：{p.results.participants}
      </p>
      <ResultTable survey={s} results={p.results} />
      {st !== 'draft' && (
        <p>
          <a href={`/surveys/${s.id}/sheet`}>{t('survey.results_print')}</a> ·{' '}
          <a href={`/surveys/${s.id}/results.pdf`}>{t('survey.results_pdf')}</a>
        </p>
      )}
      <h2>{t('survey.admin_comments')}</h2>
      {p.comments.length === 0 ? (
        <p>{t('survey.admin_no_comments')}</p>
      ) : (
        <ul>
          {p.comments.map((c, i) => (
            <li key={i}>
              <strong>{c.unitName}</strong>（{t(`survey.level.${c.level}`)}）：{c.text}{' '}
              <span class="muted">{fmtTime(c.at)}</span>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}
