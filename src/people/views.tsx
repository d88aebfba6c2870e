import { AdminLayout } from '../admin/nav.tsx';
import { ROLES } from '../auth/policy.ts';
import type { Unit } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { unitOptions } from '../units/views.tsx';
import { Checkbox, Csrf, type ErrorMap, ErrorSummary, SelectField, TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import type { PersonRow } from './queries.ts';

type Meta = PageMeta & { largeType?: boolean };
const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));

export function PeopleListPage(
  p: Meta & { people: PersonRow[]; q: string; unitId: string; units: Unit[]; canCreate: boolean },
) {
  return (
    <AdminLayout {...p}>
      <div class="title-row">
        <h1>{t('admin.people')}</h1>
        {p.canCreate && (
          <a class="button primary" href="/admin/people/new">
            {t('person.new')}
          </a>
        )}
      </div>
      <form method="get" action="/admin/people" class="filters" role="search">
        <TextField name="q" label={t('common.search')} value={p.q} />
        <SelectField
          name="unitId"
          label={t('person.unit')}
          value={p.unitId}
          options={unitOptions(p.units)}
          placeholder={t('common.all')}
        />
        <button type="submit">{t('common.filter')}</button>
      </form>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('person.display_name')}</th>
            <th scope="col">{t('person.username')}</th>
            <th scope="col">{t('person.unit')}</th>
            <th scope="col">{t('person.status')}</th>
          </tr>
        </thead>
        <tbody>
          {p.people.map((x) => (
            <tr key={x.id}>
              <td>
                <a href={`/admin/people/${x.id}`}>{x.display_name}</a>
              </td>
              <td>
                <code>{x.username}</code>
              </td>
              <td>{x.unit_name ?? '—'}</td>
              <td>{t(`status.${x.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.people.length === 0 && <p>{t('common.none_found')}</p>}
    </AdminLayout>
  );
}

export interface PersonFormValues {
  username?: string;
  displayName?: string;
  unitId?: string;
  phone?: string;
  email?: string;
  status?: string;
}

export function NewPersonPage(
  p: Meta & { values: PersonFormValues; units: Unit[]; errors?: ErrorMap; message?: string | null },
) {
  const e = p.errors ?? {};
  return (
    <AdminLayout {...p}>
      <h1>{t('person.new')}</h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/admin/people" class="stack narrow">
        <Csrf token={p.csrfToken} />
        <TextField
          name="displayName"
          label={t('person.display_name')}
          value={p.values.displayName}
          required
          error={e.displayName}
        />
        <TextField
          name="username"
          label={t('person.username')}
          value={p.values.username}
          required
          hint={t('person.username_invalid')}
          error={e.username}
        />
        <SelectField
          name="unitId"
          label={t('person.unit')}
          value={p.values.unitId}
          options={unitOptions(p.units)}
          placeholder={t('common.choose')}
          required
          error={e.unitId}
        />
        <TextField name="phone" label={t('person.phone')} value={p.values.phone} error={e.phone} />
        <TextField
          name="email"
          label={t('person.email')}
          type="email"
          value={p.values.email}
          error={e.email}
        />
        <TextField
          name="password"
          label={t('person.initial_password')}
          type="password"
          required
          autocomplete="new-password"
          hint={t('person.initial_password_hint')}
          error={e.password}
        />
        <button type="submit" class="primary">
          {t('common.create')}
        </button>
      </form>
    </AdminLayout>
  );
}

export interface GrantRowView {
  id: string;
  role: string;
  unit_id: string;
  unit_name: string;
  unit_status: string;
  covers_subtree: number;
  created_at: string;
  revoked_at: string | null;
  canRevoke: boolean;
}

export function PersonDetailPage(
  p: Meta & {
    person: PersonRow;
    grants: GrantRowView[];
    units: Unit[];
    grantUnits: Unit[];
    canManage: boolean;
    errors?: ErrorMap;
    message?: string | null;
    values?: PersonFormValues & { role?: string; grantUnitId?: string };
  },
) {
  const x = p.person;
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <AdminLayout {...p}>
      <h1>
        {x.display_name} <code>{x.username}</code>
      </h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <dl class="facts">
        <dt>{t('person.unit')}</dt>
        <dd>{x.unit_id ? <a href={`/admin/units/${x.unit_id}`}>{x.unit_name}</a> : '—'}</dd>
        <dt>{t('person.status')}</dt>
        <dd>{t(`status.${x.status}`)}</dd>
        <dt>{t('common.created_at')}</dt>
        <dd>{fmtTime(x.created_at)}</dd>
      </dl>
      <p>
        <a href={`/admin/audit?targetId=${x.id}`}>{t('unit.history')}</a>
      </p>
      <section>
        <h2>{t('person.grants')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('grant.role')}</th>
              <th scope="col">{t('grant.unit')}</th>
              <th scope="col">{t('grant.subtree')}</th>
              <th scope="col">{t('common.created_at')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {p.grants.map((g) => (
              <tr key={g.id}>
                <td>{t(`role.${g.role}`)}</td>
                <td>
                  {g.unit_name}
                  {g.unit_status === 'retired' && <span class="tag warn">{t('status.retired')}</span>}
                </td>
                <td>{g.covers_subtree ? t('common.yes') : t('common.no')}</td>
                <td>{fmtTime(g.created_at)}</td>
                <td>
                  {g.canRevoke && (
                    <form method="post" action={`/admin/grants/${g.id}/revoke`} class="inline">
                      <Csrf token={p.csrfToken} />
                      <input type="hidden" name="personId" value={x.id} />
                      <button type="submit" class="link danger">
                        {t('grant.revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.grantUnits.length > 0 && (
          <form method="post" action={`/admin/people/${x.id}/grants`} class="stack narrow">
            <h3>{t('grant.add')}</h3>
            <Csrf token={p.csrfToken} />
            <SelectField
              name="role"
              label={t('grant.role')}
              value={v.role}
              options={roleOptions}
              placeholder={t('common.choose')}
              required
              error={e.role}
            />
            <SelectField
              name="unitId"
              label={t('grant.unit')}
              value={v.grantUnitId}
              options={unitOptions(p.grantUnits)}
              placeholder={t('common.choose')}
              required
              error={e.unitId}
            />
            <Checkbox name="coversSubtree" label={t('grant.subtree_label')} />
            <button type="submit" class="primary">
              {t('grant.add')}
            </button>
          </form>
        )}
      </section>
      {p.canManage && (
        <>
          <section>
            <h2>{t('person.edit')}</h2>
            <form method="post" action={`/admin/people/${x.id}`} class="stack narrow">
              <Csrf token={p.csrfToken} />
              <TextField
                name="displayName"
                label={t('person.display_name')}
                value={v.displayName ?? x.display_name}
                required
                error={e.displayName}
              />
              <SelectField
                name="unitId"
                label={t('person.unit')}
                value={v.unitId ?? x.unit_id}
                options={unitOptions(p.units)}
                required
                error={e.unitId}
              />
              <TextField name="phone" label={t('person.phone')} value={v.phone ?? x.phone} error={e.phone} />
              <TextField name="email" label={t('person.email')} value={v.email ?? x.email} error={e.email} />
              <SelectField
                name="status"
                label={t('person.status')}
                value={v.status ?? x.status}
                options={[
                  { value: 'active', label: t('status.active') },
                  { value: 'disabled', label: t('status.disabled') },
                ]}
              />
              <button type="submit" class="primary">
                {t('common.save')}
              </button>
            </form>
          </section>
          <section>
            <h2>{t('person.reset_password')}</h2>
            <form method="post" action={`/admin/people/${x.id}/password`} class="stack narrow">
              <Csrf token={p.csrfToken} />
              <TextField
                name="password"
                label={t('person.initial_password')}
                type="password"
                required
                autocomplete="new-password"
                error={e.password}
              />
              <button type="submit">{t('person.reset_password')}</button>
            </form>
          </section>
        </>
      )}
    </AdminLayout>
  );
}
