import { t } from '../i18n/index.ts';
import { Layout, type PageMeta } from './layout.tsx';

export function ErrorPage(
  props: PageMeta & { largeType?: boolean; status: number; message: string; reference?: string },
) {
  return (
    <Layout {...props}>
      <section class="error-page">
        <h1>{props.title}</h1>
        <p>{props.message}</p>
        {props.reference && (
          <p class="muted">
            {t('error.reference')}
            <code>{props.reference}</code>
          </p>
        )}
        <p>
          <a href="/">{t('error.back_home')}</a>
        </p>
      </section>
    </Layout>
  );
}
