import { AdminLayout } from '../../admin/nav.tsx';
import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';
import { type DocumentKind, PLACEHOLDERS } from './kinds.ts';
import { DEFAULT_NUMBER_PATTERN } from './numbering.ts';
import type { EffectiveTemplate } from './templates.ts';

type Meta = PageMeta & { largeType?: boolean };
export const kindLabel = (k: DocumentKind) => t(`request_docs.kind.${k}`);

export interface PatternRow {
  unitName: string;
  pattern: string;
}

export function TemplatesPage(
  p: Meta & {
    templates: EffectiveTemplate[];
    canEdit: boolean;
    patterns: PatternRow[];
    units: { value: string; label: string }[];
    values?: Record<string, string>;
    errors?: ErrorMap;
    message?: string;
  },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('request_docs.templates_title')}</h1>
      <p>{t('request_docs.templates_intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('request_docs.kind_col')}</th>
            <th scope="col">{t('request_docs.title_col')}</th>
            <th scope="col">{t('request_docs.version_col')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('request_docs.preview')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.templates.map((tpl) => (
            <tr key={tpl.kind}>
              <td>
                {p.canEdit ? (
                  <a href={`/admin/requests/templates/${tpl.kind}`}>{kindLabel(tpl.kind)}</a>
                ) : (
                  kindLabel(tpl.kind)
                )}
              </td>
              <td>{tpl.title}</td>
              <td>
                {tpl.version === 0
                  ? t('request_docs.shipped')
                  : `${t('request_docs.version_n', { n: tpl.version })}（${fmtTime(tpl.updatedAt)}）`}
              </td>
              <td>
                <a href={`/admin/requests/templates/${tpl.kind}/preview.pdf`}>{t('request_docs.preview')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="numbering">{t('request_docs.numbering_title')}</h2>
      <p>{t('request_docs.numbering_intro', { default: DEFAULT_NUMBER_PATTERN })}</p>
      {p.patterns.length === 0 ? (
        <p>{t('request_docs.numbering_none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('request_docs.numbering_unit')}</th>
              <th scope="col">{t('request_docs.numbering_pattern')}</th>
            </tr>
          </thead>
          <tbody>
            {p.patterns.map((r) => (
              <tr key={r.unitName}>
                <td>{r.unitName}</td>
                <td>{r.pattern}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.units.length > 0 && (
        <form method="post" action="/admin/requests/numbering" class="stack">
          <ErrorSummary errors={p.errors} message={p.message} />
          <Csrf token={p.csrfToken} />
          <SelectField
            name="unitId"
            label={t('request_docs.numbering_unit')}
            options={p.units}
            value={p.values?.unitId}
            error={p.errors?.unitId}
            required
          />
          <TextField
            name="pattern"
            label={t('request_docs.numbering_pattern')}
            hint={t('request_docs.numbering_pattern_hint')}
            value={p.values?.pattern}
            error={p.errors?.pattern}
            maxLength={60}
            required
          />
          <button type="submit">{t('request_docs.numbering_save')}</button>
        </form>
      )}
    </AdminLayout>
  );
}

export function TemplateEditPage(
  p: Meta & {
    kind: DocumentKind;
    values: Record<'title' | 'numberLine' | 'addressee' | 'body' | 'signature', string>;
    version: number;
    errors?: ErrorMap;
    message?: string;
  },
) {
  const v = p.values;
  return (
    <AdminLayout {...p}>
      <p>
        <a href="/admin/requests/templates">{t('request_docs.templates_title')}</a>
      </p>
      <h1>{t('request_docs.edit_title', { kind: kindLabel(p.kind) })}</h1>
      <p>
        {p.version === 0 ? t('request_docs.shipped') : t('request_docs.version_n', { n: p.version })} ·{' '}
        <a href={`/admin/requests/templates/${p.kind}/preview.pdf`}>{t('request_docs.preview')}</a>
      </p>
      <form method="post" action={`/admin/requests/templates/${p.kind}`} class="stack">
        <ErrorSummary errors={p.errors} message={p.message} />
        <Csrf token={p.csrfToken} />
        <TextField
          name="title"
          label={t('request_docs.field.title')}
          value={v.title}
          error={p.errors?.title}
          required
          maxLength={100}
        />
        <TextField
          name="numberLine"
          label={t('request_docs.field.numberLine')}
          value={v.numberLine}
          error={p.errors?.numberLine}
          maxLength={100}
        />
        <TextField
          name="addressee"
          label={t('request_docs.field.addressee')}
          value={v.addressee}
          error={p.errors?.addressee}
          maxLength={200}
        />
        <TextArea
          name="body"
          label={t('request_docs.field.body')}
          value={v.body}
          error={p.errors?.body}
          rows={16}
          required
          maxLength={10000}
        />
        <TextArea
          name="signature"
          label={t('request_docs.field.signature')}
          value={v.signature}
          error={p.errors?.signature}
          rows={3}
          maxLength={300}
        />
        <button type="submit">{t('request_docs.save')}</button>
      </form>
      <section aria-labelledby="ph">
        <h2 id="ph">{t('request_docs.placeholders')}</h2>
        <p>{t('request_docs.placeholders_hint')}</p>
        <dl>
          {Object.entries(PLACEHOLDERS).map(([name, label]) => (
            <div key={name}>
              <dt>
                <code>{`{${name}}`}</code>
              </dt>
              <dd>{label}</dd>
            </div>
          ))}
        </dl>
      </section>
    </AdminLayout>
  );
}
