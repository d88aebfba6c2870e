import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, TextField } from '../views/form.tsx';
import { Layout, type PageMeta } from '../views/layout.tsx';

type Meta = PageMeta & { largeType?: boolean };

export function SignInPage(
  p: Meta & { errors?: ErrorMap; message?: string | null; username?: string; next?: string },
) {
  return (
    <Layout {...p}>
      <section class="narrow">
        <h1>{t('signin.title')}</h1>
        <ErrorSummary errors={p.errors} message={p.message} />
        <form method="post" action="/signin" class="stack">
          <Csrf token={p.csrfToken} />
          <input type="hidden" name="next" value={p.next ?? ''} />
          <TextField
            name="username"
            label={t('signin.username')}
            value={p.username}
            required
            autocomplete="username"
            error={p.errors?.username}
          />
          <TextField
            name="password"
            label={t('signin.password')}
            type="password"
            required
            autocomplete="current-password"
            error={p.errors?.password}
          />
          <button type="submit" class="primary">
            {t('signin.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export function AccountPage(
  p: Meta & {
    displayName: string;
    mustChange: boolean;
    tokens: TokenRow[];
    newToken?: string | null;
    errors?: ErrorMap;
    message?: string | null;
    grants: { role: string; unitName: string; coversSubtree: boolean }[];
  },
) {
  return (
    <Layout {...p}>
      <h1>{t('account.title')}</h1>
      {p.mustChange && (
        <p class="notice" role="alert">
          {t('account.must_change')}
        </p>
      )}
      <section>
        <h2>{t('account.roles')}</h2>
        {p.grants.length === 0 ? (
          <p class="muted">{t('account.no_roles')}</p>
        ) : (
          <ul>
            {p.grants.map((g) => (
              <li key={`${g.role}-${g.unitName}`}>
                {t(`role.${g.role}`)} · {g.unitName}
                {g.coversSubtree ? t('grant.subtree_suffix') : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('account.password')}</h2>
        <ErrorSummary errors={p.errors} message={p.message} />
        <form method="post" action="/account/password" class="stack narrow">
          <Csrf token={p.csrfToken} />
          <TextField
            name="currentPassword"
            label={t('account.current_password')}
            type="password"
            required
            autocomplete="current-password"
            error={p.errors?.currentPassword}
          />
          <TextField
            name="newPassword"
            label={t('account.new_password')}
            type="password"
            required
            autocomplete="new-password"
            hint={t('auth.password_weak')}
            error={p.errors?.newPassword}
          />
          <TextField
            name="confirmPassword"
            label={t('account.confirm_password')}
            type="password"
            required
            autocomplete="new-password"
            error={p.errors?.confirmPassword}
          />
          <button type="submit" class="primary">
            {t('account.change_password')}
          </button>
        </form>
      </section>
      <section>
        <h2>{t('account.tokens')}</h2>
        <p class="hint">{t('account.tokens_hint')}</p>
        {p.newToken && (
          <div class="notice" role="status">
            <p>{t('account.token_created')}</p>
            <code class="token">{p.newToken}</code>
          </div>
        )}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('account.token_name')}</th>
              <th scope="col">{t('account.token_prefix')}</th>
              <th scope="col">{t('common.created_at')}</th>
              <th scope="col">{t('account.token_last_used')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {p.tokens.map((tok) => (
              <tr key={tok.id}>
                <td>{tok.name}</td>
                <td>
                  <code>{tok.prefix}</code>
                </td>
                <td>{fmtTime(tok.created_at)}</td>
                <td>{fmtTime(tok.last_used_at)}</td>
                <td>
                  {tok.revoked_at ? (
                    t('account.token_revoked')
                  ) : (
                    <form method="post" action={`/account/tokens/${tok.id}/revoke`} class="inline">
                      <Csrf token={p.csrfToken} />
                      <button type="submit" class="link danger">
                        {t('account.token_revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action="/account/tokens" class="row">
          <Csrf token={p.csrfToken} />
          <TextField
            name="name"
            label={t('account.token_name')}
            required
            maxLength={80}
            error={p.errors?.name}
          />
          <button type="submit">{t('account.token_create')}</button>
        </form>
      </section>
    </Layout>
  );
}
