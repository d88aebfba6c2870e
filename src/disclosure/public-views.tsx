import type { ConsultedLink } from '../engagement/consultations/decision-link.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { periodLabel } from '../obligations/periods.ts';
import { Layout, type PageMeta } from '../views/layout.tsx';
import { diffText, renderDiff } from './building-blocks/diff.ts';
import type { DisclosureVersion } from './chain.ts';
import { isArchived } from './display-until.ts';
import { ResponsibleList } from './item-view.tsx';
import type { RelatedLink } from './queries.ts';
import { attachmentsOf, type Disclosure } from './store.ts';

type Meta = PageMeta & { largeType?: boolean };

export function PublicItemPage(
  p: Meta & {
    d: Disclosure;
    unitName: string;
    entryLabel: string | null;
    versions: DisclosureVersion[];
    names: Map<string, string>;
    obligation: { period_key: string; due_date: string; fulfilled_on: string | null } | null;
    /** 政策解读 links both ways (only published ones the visitor may see). */
    interpretation?: RelatedLink | null;
    document?: RelatedLink | null;
    /** 本决定已公开征求意见: the consultation this decision came from (src/engagement/consultations). */
    consulted?: ConsultedLink | null;
    /** The China date from the app clock: past display_until the page says 已归档. */
    today?: string;
  },
) {
  const { d } = p;
  if (d.state === 'revoked')
    return (
      <Layout {...p}>
        <h1>{d.title}</h1>
        <p class="notice" role="status">
          {t('disclosure.revoked_notice', { date: fmtTime(d.revoked_at), reason: d.revoked_reason ?? '' })}
        </p>
      </Layout>
    );
  const current = p.versions.find((v) => v.id === d.current_version_id) ?? p.versions.at(-1)!;
  return (
    <Layout {...p}>
      <article class="disclosure">
        <h1>{current.title}</h1>
        <p class="meta">
          {p.unitName}
          {p.entryLabel && ` · ${p.entryLabel}`}
          {d.period_key && ` · ${periodLabel(d.period_key)}`} · {t(`disclosure.audience.${d.audience}`)} ·
          发布于 {fmtTime(current.published_at)}
        </p>
        {p.today && isArchived(d.display_until, p.today) && (
          <p class="notice" role="status">
            {t('disclosure.archived_notice', { date: d.display_until ?? '' })}
          </p>
        )}
        {p.document && (
          <p class="related">
            {t('disclosure.interprets')}：<a href={`/d/${p.document.id}`}>{p.document.title}</a>
          </p>
        )}
        {p.interpretation && (
          <p class="related">
            {t('disclosure.interpretation')}：
            <a href={`/d/${p.interpretation.id}`}>{p.interpretation.title}</a>
          </p>
        )}
        {p.consulted && (
          <p class="related">
            {t('consultation.consulted_on')}
            <a href={p.consulted.href}>{p.consulted.title}</a>（
            <a href={p.consulted.reportHref}>{t('consultation.report_link')}</a>）
          </p>
        )}
        <p class="fingerprint">
          {t('disclosure.fingerprint')}：<code>{current.fingerprint}</code> （
          <a href={`/verify?fp=${current.fingerprint}`}>核验</a>）
        </p>
        {/* body_html was sanitised on the way in (building-blocks/sanitize.ts) */}
        <div class="body" dangerouslySetInnerHTML={{ __html: current.body_html }} />
        {attachmentsOf(current.attachments).length > 0 && (
          <section>
            <h2>{t('disclosure.attachments')}</h2>
            <ul>
              {attachmentsOf(current.attachments).map((a) => (
                <li key={a.fileId}>
                  <a href={`/d/${d.id}/files/${a.fileId}`}>{a.name}</a> （SHA-256 {a.sha256.slice(0, 12)}…）
                </li>
              ))}
            </ul>
          </section>
        )}
        {/* 对此事项留言 (src/engagement/feedback): the form of the item's unit, this item preselected */}
        {d.audience === 'public' && (
          <p class="related">
            <a href={`/feedback/new?d=${d.id}`}>{t('feedback.write_link')}</a>
          </p>
        )}
        <section>
          <h2>{t('disclosure.responsible')}</h2>
          <ResponsibleList d={d} names={p.names} />
        </section>
        {p.obligation && (
          <section>
            <h2>{t('disclosure.fulfils')}</h2>
            <p>
              {periodLabel(p.obligation.period_key)} · 应于 {p.obligation.due_date} 前公开 · 实际{' '}
              {p.obligation.fulfilled_on ?? '—'}
            </p>
          </section>
        )}
        <section>
          <h2>{t('disclosure.versions')}</h2>
          <ol>
            {p.versions.map((v, i) => (
              <li key={v.id}>
                {t('disclosure.version_n', { n: v.version })} · {fmtTime(v.published_at)} ·{' '}
                <code>{v.fingerprint}</code>
                {v.change_note && (
                  <p>
                    {t('disclosure.field.change_note')}：{v.change_note}
                  </p>
                )}
                {i > 0 &&
                  renderDiff(
                    diffText(
                      `${p.versions[i - 1].title}\n${p.versions[i - 1].body_text}`,
                      `${v.title}\n${v.body_text}`,
                    ),
                  )}
              </li>
            ))}
          </ol>
        </section>
      </article>
    </Layout>
  );
}

export function VerifyPage(
  p: Meta & {
    fp: string;
    error: string | null;
    matches: (DisclosureVersion & { unitName: string })[] | null;
  },
) {
  return (
    <Layout {...p}>
      <h1>{t('disclosure.verify_title')}</h1>
      <p>{t('disclosure.verify_intro')}</p>
      <form method="get" action="/verify">
        <div class={p.error ? 'field has-error' : 'field'}>
          <label for="f-fp">{t('disclosure.verify_field')}</label>
          {p.error && (
            <p class="field-error" id="e-fp">
              {p.error}
            </p>
          )}
          <input id="f-fp" name="fp" value={p.fp} aria-invalid={p.error ? 'true' : undefined} />
        </div>
        <button type="submit">{t('disclosure.verify_button')}</button>
      </form>
      <form method="post" action="/verify" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <div class="field">
          <label for="f-vfile">{t('disclosure.verify_file')}</label>
          <input id="f-vfile" type="file" name="file" required />
        </div>
        <button type="submit">{t('disclosure.verify_button')}</button>
      </form>
      {p.matches &&
        (p.matches.length === 0 ? (
          <p role="status">{t('disclosure.verify_none')}</p>
        ) : (
          <div role="status">
            <p>{t('disclosure.verify_match')}</p>
            <ul>
              {p.matches.map((v) => (
                <li key={v.id}>
                  <a href={`/d/${v.disclosure_id}`}>{v.title}</a> · {v.unitName} ·{' '}
                  {t('disclosure.version_n', { n: v.version })} · {fmtTime(v.published_at)} ·{' '}
                  <code>{v.digest}</code>
                </li>
              ))}
            </ul>
          </div>
        ))}
    </Layout>
  );
}
