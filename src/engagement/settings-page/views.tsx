import { AdminLayout } from '../../admin/nav.tsx';
import { t } from '../../i18n/index.ts';
import { Checkbox, Csrf, type ErrorMap, ErrorSummary, TextArea, TextField } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';

type Meta = PageMeta & { largeType?: boolean };

/** /admin/engagement/settings: the region office's engagement settings, two independent forms. */
export function EngagementSettingsPage(
  p: Meta & {
    replyDays: string | number;
    direct: boolean;
    words: string;
    wordCount: number;
    errors?: ErrorMap;
    message?: string;
  },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('engagement_settings.title')}</h1>
      <p class="lead">{t('engagement_settings.lead')}</p>
      {p.flash && (
        <p class="flash" role="status">
          {p.flash}
        </p>
      )}
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/admin/engagement/settings" class="stack narrow">
        <Csrf token={p.csrfToken} />
        <TextField
          name="replyDays"
          type="number"
          label={t('engagement_settings.reply_days')}
          hint={t('engagement_settings.reply_days_hint')}
          value={p.replyDays}
          error={p.errors?.replyDays}
          required
        />
        <Checkbox
          name="direct"
          label={t('engagement_settings.direct')}
          checked={p.direct}
          hint={t('engagement_settings.direct_hint')}
        />
        <button type="submit">{t('engagement_settings.save')}</button>
      </form>
      <form method="post" action="/admin/engagement/settings/words" class="stack narrow">
        <Csrf token={p.csrfToken} />
        <h2>{t('engagement.sensitive_words.title')}</h2>
        <p class="muted">{t('engagement_settings.words_count', { n: p.wordCount })}</p>
        <TextArea
          name="words"
          label={t('engagement.sensitive_words.title')}
          hint={t('engagement.sensitive_words.hint')}
          value={p.words}
          error={p.errors?.words}
          rows={12}
        />
        <button type="submit">{t('engagement_settings.words_save')}</button>
      </form>
    </AdminLayout>
  );
}
