import { AdminLayout } from '../admin/nav.tsx';
import type { Unit } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import { CREATABLE_KINDS } from './kinds.ts';
import type { TreeNode } from './queries.ts';

type Meta = PageMeta & { largeType?: boolean };

const kindOptions = CREATABLE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }));

export function unitOptions(units: Unit[]) {
  return units.map((u) => ({ value: u.id, label: `${'　'.repeat(u.depth)}${u.name}（${u.code}）` }));
}

function TreeList({ nodes }: { nodes: TreeNode[] }) {
  return (
    <ul class="tree">
      {nodes.map((n) => (
        <li key={n.unit.id}>
          <a href={`/admin/units/${n.unit.id}`}>{n.unit.name}</a>{' '}
          <span class="tag">{t(`kind.${n.unit.kind}`)}</span> <span class="muted code">{n.unit.code}</span>
          {n.unit.status === 'retired' && <span class="tag warn">{t('status.retired')}</span>}
          {n.children.length > 0 && <TreeList nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

export function UnitTreePage(
  p: Meta & { tree: TreeNode[]; total: number; q: string; kind: string; status: string; canCreate: boolean },
) {
  return (
    <AdminLayout {...p}>
      <div class="title-row">
        <h1>{t('admin.units')}</h1>
        {p.canCreate && (
          <a class="button primary" href="/admin/units/new">
            {t('unit.new')}
          </a>
        )}
      </div>
      <form method="get" action="/admin/units" class="filters" role="search">
        <TextField name="q" label={t('common.search')} value={p.q} />
        <SelectField
          name="kind"
          label={t('unit.kind')}
          value={p.kind}
          options={kindOptions}
          placeholder={t('common.all')}
        />
        <SelectField
          name="status"
          label={t('unit.status')}
          value={p.status}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'retired', label: t('status.retired') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <button type="submit">{t('common.filter')}</button>
      </form>
      <p class="muted">{t('unit.count', { n: p.total })}</p>
      {p.total === 0 ? <p>{t('common.none_found')}</p> : <TreeList nodes={p.tree} />}
    </AdminLayout>
  );
}

export interface UnitFormValues {
  code?: string;
  name?: string;
  kind?: string;
  parentId?: string;
  adminCode?: string;
  contactPhone?: string;
  address?: string;
  hostUnitId?: string;
  sortOrder?: string | number;
}

export function NewUnitPage(
  p: Meta & {
    values: UnitFormValues;
    parents: Unit[];
    hosts: Unit[];
    errors?: ErrorMap;
    message?: string | null;
  },
) {
  const e = p.errors ?? {};
  return (
    <AdminLayout {...p}>
      <h1>{t('unit.new')}</h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/admin/units" class="stack narrow">
        <Csrf token={p.csrfToken} />
        <SelectField
          name="parentId"
          label={t('unit.parent')}
          value={p.values.parentId}
          options={unitOptions(p.parents)}
          placeholder={t('common.choose')}
          required
          error={e.parentId}
        />
        <TextField
          name="name"
          label={t('unit.name')}
          value={p.values.name}
          required
          maxLength={100}
          error={e.name}
        />
        <TextField
          name="code"
          label={t('unit.code')}
          value={p.values.code}
          required
          maxLength={40}
          hint={t('unit.code_hint')}
          error={e.code}
        />
        <SelectField
          name="kind"
          label={t('unit.kind')}
          value={p.values.kind}
          options={kindOptions}
          placeholder={t('common.choose')}
          required
          error={e.kind}
        />
        <SelectField
          name="hostUnitId"
          label={t('unit.host')}
          value={p.values.hostUnitId}
          options={unitOptions(p.hosts)}
          placeholder={t('common.none')}
          hint={t('unit.host_hint')}
          error={e.hostUnitId}
        />
        <TextField
          name="adminCode"
          label={t('unit.admin_code')}
          value={p.values.adminCode}
          maxLength={12}
          error={e.adminCode}
        />
        <TextField
          name="contactPhone"
          label={t('unit.phone')}
          value={p.values.contactPhone}
          maxLength={40}
          error={e.contactPhone}
        />
        <TextArea
          name="address"
          label={t('unit.address')}
          value={p.values.address}
          maxLength={200}
          error={e.address}
        />
        <button type="submit" class="primary">
          {t('common.create')}
        </button>
      </form>
    </AdminLayout>
  );
}

export function UnitDetailPage(
  p: Meta & {
    unit: Unit;
    parent: Unit | null;
    children: Unit[];
    ancestors: Unit[];
    canManage: boolean;
    moveTargets: Unit[];
    peopleCount: number;
    errors?: ErrorMap;
    message?: string | null;
    values?: UnitFormValues & { reason?: string };
  },
) {
  const u = p.unit;
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <AdminLayout {...p}>
      <nav aria-label={t('common.breadcrumb')} class="breadcrumb">
        <ol>
          {p.ancestors.map((a) => (
            <li key={a.id}>
              <a href={`/admin/units/${a.id}`}>{a.name}</a>
            </li>
          ))}
          <li aria-current="page">{u.name}</li>
        </ol>
      </nav>
      <h1>
        {u.name} {u.status === 'retired' && <span class="tag warn">{t('status.retired')}</span>}
      </h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <dl class="facts">
        <dt>{t('unit.code')}</dt>
        <dd>
          <code>{u.code}</code>
        </dd>
        <dt>{t('unit.kind')}</dt>
        <dd>
          {t(`kind.${u.kind}`)}（{t(`sphere.${u.sphere}`)}）
        </dd>
        <dt>{t('unit.parent')}</dt>
        <dd>{p.parent ? <a href={`/admin/units/${p.parent.id}`}>{p.parent.name}</a> : '—'}</dd>
        <dt>{t('unit.admin_code')}</dt>
        <dd>{u.admin_code ?? '—'}</dd>
        <dt>{t('unit.phone')}</dt>
        <dd>{u.contact_phone ?? '—'}</dd>
        <dt>{t('unit.address')}</dt>
        <dd>{u.address ?? '—'}</dd>
        <dt>{t('unit.people')}</dt>
        <dd>
          <a href={`/admin/people?unitId=${u.id}`}>{p.peopleCount}</a>
        </dd>
        <dt>{t('common.updated_at')}</dt>
        <dd>{fmtTime(u.updated_at)}</dd>
        {u.status === 'retired' && (
          <>
            <dt>{t('unit.retired_at')}</dt>
            <dd>
              {fmtTime(u.retired_at)} · {u.retire_reason}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/admin/audit?targetId=${u.id}`}>{t('unit.history')}</a> ·{' '}
        <a href={`/admin/units/${u.id}/catalog`}>{t('catalog.unit_catalog')}</a> ·{' '}
        <a href={`/admin/units/${u.id}/obligations`}>{t('obligation.title')}</a>
      </p>

      <section>
        <h2>{t('unit.children', { n: p.children.length })}</h2>
        {p.children.length > 0 && (
          <ul>
            {p.children.map((c) => (
              <li key={c.id}>
                <a href={`/admin/units/${c.id}`}>{c.name}</a> <span class="tag">{t(`kind.${c.kind}`)}</span>
                {c.status === 'retired' && <span class="tag warn">{t('status.retired')}</span>}
              </li>
            ))}
          </ul>
        )}
        {p.canManage && (
          <a class="button" href={`/admin/units/new?parentId=${u.id}`}>
            {t('unit.add_child')}
          </a>
        )}
      </section>

      {p.canManage && (
        <>
          <section>
            <h2>{t('unit.edit')}</h2>
            <form method="post" action={`/admin/units/${u.id}`} class="stack narrow">
              <Csrf token={p.csrfToken} />
              <TextField
                name="name"
                label={t('unit.name')}
                value={v.name ?? u.name}
                required
                error={e.name}
              />
              <TextField
                name="adminCode"
                label={t('unit.admin_code')}
                value={v.adminCode ?? u.admin_code}
                error={e.adminCode}
              />
              <TextField
                name="contactPhone"
                label={t('unit.phone')}
                value={v.contactPhone ?? u.contact_phone}
                error={e.contactPhone}
              />
              <TextArea
                name="address"
                label={t('unit.address')}
                value={v.address ?? u.address}
                error={e.address}
              />
              <TextField
                name="sortOrder"
                label={t('unit.sort_order')}
                type="number"
                value={v.sortOrder ?? u.sort_order}
                error={e.sortOrder}
              />
              <button type="submit" class="primary">
                {t('common.save')}
              </button>
            </form>
          </section>
          {u.parent_id && (
            <section>
              <h2>{t('unit.move')}</h2>
              <form method="post" action={`/admin/units/${u.id}/move`} class="stack narrow">
                <Csrf token={p.csrfToken} />
                <SelectField
                  name="parentId"
                  label={t('unit.new_parent')}
                  value={v.parentId}
                  options={unitOptions(p.moveTargets)}
                  placeholder={t('common.choose')}
                  required
                  error={e.parentId}
                />
                <button type="submit">{t('unit.move')}</button>
              </form>
            </section>
          )}
          {u.parent_id && (
            <section>
              <h2>{t('unit.retire')}</h2>
              <p class="hint">{t('unit.retire_hint')}</p>
              <form method="post" action={`/admin/units/${u.id}/retire`} class="stack narrow">
                <Csrf token={p.csrfToken} />
                <TextArea
                  name="reason"
                  label={t('unit.retire_reason')}
                  value={v.reason}
                  required
                  error={e.reason}
                />
                <button type="submit" class="danger">
                  {t('unit.retire')}
                </button>
              </form>
            </section>
          )}
        </>
      )}
    </AdminLayout>
  );
}
