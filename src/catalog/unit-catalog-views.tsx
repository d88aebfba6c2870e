import { AdminLayout } from '../admin/nav.tsx';
import type { CatalogExclusion, Unit } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary } from '../views/form.tsx';
import { EntryFields, type EntryFormValues } from './entry-form.tsx';
import { type EffectiveItem, isLive, type PendingClaim } from './queries.ts';
import { EntryCells, EntryHead, type Meta } from './view-parts.tsx';

/** A one-field form (a reason) with ids unique on the page, since many such forms share it. */
function ReasonForm(p: {
  action: string;
  csrf: string;
  id: string;
  label: string;
  button: string;
  required: boolean;
  danger?: boolean;
  hidden?: Record<string, string>;
}) {
  return (
    <form method="post" action={p.action} class="stack">
      <Csrf token={p.csrf} />
      {Object.entries(p.hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div class="field">
        <label for={`f-${p.id}`}>{p.label}</label>
        <textarea id={`f-${p.id}`} name="reason" rows={2} maxLength={500} required={p.required} />
      </div>
      <button type="submit" class={p.danger ? 'danger' : undefined}>
        {p.button}
      </button>
    </form>
  );
}

function ExclusionState({ x }: { x: CatalogExclusion | null }) {
  if (!x) return <span>{t('catalog.applies')}</span>;
  return (
    <>
      <span class={isLive(x) ? 'tag warn' : 'tag'}>{t(`catalog.exclusion.${x.status}`)}</span>
      <div class="hint">
        {t('catalog.exclusion.reason')}：{x.reason}（{fmtTime(x.created_at)}）
      </div>
      {x.decision_reason && (
        <div class="hint">
          {t('catalog.exclusion.decision_reason')}：{x.decision_reason}
        </div>
      )}
    </>
  );
}

/** Claim, withdraw, accept and reject, as far as the actor may. */
function ClaimActions(p: {
  unitId: string;
  item: EffectiveItem;
  csrf: string;
  canExclude: boolean;
  canDecide: boolean;
}) {
  const x = p.item.exclusion;
  const live = isLive(x);
  return (
    <>
      {p.canExclude && !live && (
        <details>
          <summary>{t('catalog.exclusion.claim')}</summary>
          <ReasonForm
            action={`/admin/units/${p.unitId}/catalog/exclusions`}
            csrf={p.csrf}
            id={`claim-${p.item.entry.id}`}
            label={t('catalog.exclusion.reason')}
            button={t('catalog.exclusion.claim')}
            required
            hidden={{ entryId: p.item.entry.id }}
          />
        </details>
      )}
      {x && live && p.canExclude && (
        <form method="post" action={`/admin/catalog-exclusions/${x.id}/withdraw`} class="inline">
          <Csrf token={p.csrf} />
          <button type="submit" class="link">
            {t('catalog.exclusion.withdraw')}
          </button>
        </form>
      )}
      {x && p.canDecide && <DecisionForms x={x} csrf={p.csrf} />}
    </>
  );
}

function DecisionForms({ x, csrf, back }: { x: CatalogExclusion; csrf: string; back?: string }) {
  const hidden = back ? { back } : undefined;
  return (
    <>
      {x.status === 'claimed' && (
        <details>
          <summary>{t('catalog.exclusion.accept')}</summary>
          <ReasonForm
            action={`/admin/catalog-exclusions/${x.id}/accept`}
            csrf={csrf}
            id={`accept-${x.id}`}
            label={t('catalog.exclusion.accept_reason')}
            button={t('catalog.exclusion.accept')}
            required={false}
            hidden={hidden}
          />
        </details>
      )}
      {isLive(x) && (
        <details>
          <summary>{t('catalog.exclusion.reject')}</summary>
          <ReasonForm
            action={`/admin/catalog-exclusions/${x.id}/reject`}
            csrf={csrf}
            id={`reject-${x.id}`}
            label={t('catalog.exclusion.reject_reason')}
            button={t('catalog.exclusion.reject')}
            required
            danger
            hidden={hidden}
          />
        </details>
      )}
    </>
  );
}

export function UnitCatalogPage(
  p: Meta & {
    unit: Unit;
    items: EffectiveItem[];
    canEditOwn: boolean;
    canExclude: boolean;
    canDecide: boolean;
    values?: EntryFormValues;
    errors?: ErrorMap;
    message?: string | null;
  },
) {
  const u = p.unit;
  const inherited = p.items.filter((i) => i.source === 'inherited');
  const own = p.items.filter((i) => i.source === 'own');
  const groups = new Map<string, EffectiveItem[]>();
  for (const i of inherited) groups.set(i.catalog!.id, [...(groups.get(i.catalog!.id) ?? []), i]);
  const actionsColumn = p.canExclude || p.canDecide;
  return (
    <AdminLayout {...p}>
      <nav aria-label={t('common.breadcrumb')} class="breadcrumb">
        <ol>
          <li>
            <a href="/admin/catalogs">{t('catalog.title')}</a>
          </li>
          <li>
            <a href={`/admin/units/${u.id}`}>{u.name}</a>
          </li>
          <li aria-current="page">{t('catalog.unit_catalog')}</li>
        </ol>
      </nav>
      <h1>{t('catalog.unit_catalog_of', { unit: u.name })}</h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <p>
        {t('catalog.unit_summary', {
          inherited: inherited.length,
          excluded: inherited.filter((i) => !i.applies).length,
          own: own.length,
        })}
      </p>
      <section>
        <h2>{t('catalog.inherited')}</h2>
        <p class="hint">{t('catalog.inherited_hint')}</p>
        {inherited.length === 0 && <p>{t('catalog.no_inherited')}</p>}
        {[...groups.values()].map((items) => (
          <div key={items[0].catalog!.id}>
            <h3>
              {t('catalog.from_catalog', {
                catalog: items[0].catalog!.name,
                owner: items[0].catalog!.owner_name,
              })}
            </h3>
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <EntryHead />
                    <th scope="col">{t('catalog.status')}</th>
                    {actionsColumn && <th scope="col">{t('common.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.entry.id} class={i.applies ? undefined : 'muted'}>
                      <EntryCells e={i.entry} />
                      <td>
                        <ExclusionState x={i.exclusion} />
                      </td>
                      {actionsColumn && (
                        <td>
                          <ClaimActions
                            unitId={u.id}
                            item={i}
                            csrf={p.csrfToken}
                            canExclude={p.canExclude}
                            canDecide={p.canDecide}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>
      <section>
        <h2>{t('catalog.own')}</h2>
        <p>
          <a href={`/admin/units/${u.id}/catalog/export.xlsx`}>{t('catalog.export')}</a>
          {p.canEditOwn && (
            <>
              {' · '}
              <a href={`/admin/units/${u.id}/catalog/import`}>{t('catalog.import')}</a>
            </>
          )}
        </p>
        {own.length === 0 ? (
          <p>{t('catalog.no_own')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <EntryHead />
                  {p.canEditOwn && <th scope="col">{t('common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {own.map((i) => (
                  <tr key={i.entry.id}>
                    <EntryCells e={i.entry} />
                    {p.canEditOwn && (
                      <td>
                        <a href={`/admin/catalog-entries/${i.entry.id}`}>{t('catalog.edit_entry')}</a>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {p.canEditOwn && u.status === 'active' && (
          <details open={p.values !== undefined}>
            <summary>
              <strong>{t('catalog.add_own_entry')}</strong>
            </summary>
            <form method="post" action={`/admin/units/${u.id}/catalog/entries`} class="stack">
              <Csrf token={p.csrfToken} />
              <EntryFields values={p.values ?? {}} errors={p.errors} withDomain />
              <button type="submit" class="primary">
                {t('catalog.add_own_entry')}
              </button>
            </form>
          </details>
        )}
      </section>
    </AdminLayout>
  );
}

export function ClaimsPage(p: Meta & { claims: PendingClaim[]; message?: string | null }) {
  return (
    <AdminLayout {...p}>
      <h1>{t('catalog.claims')}</h1>
      <p class="hint">{t('catalog.claims_hint')}</p>
      <ErrorSummary message={p.message} />
      {p.claims.length === 0 ? (
        <p>{t('catalog.no_claims')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('catalog.unit')}</th>
                <th scope="col">{t('catalog.f.item')}</th>
                <th scope="col">{t('catalog.exclusion.reason')}</th>
                <th scope="col">{t('catalog.claimed_at')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {p.claims.map((c) => (
                <tr key={c.exclusion.id}>
                  <td>
                    <a href={`/admin/units/${c.exclusion.unit_id}/catalog`}>{c.unitName}</a>
                  </td>
                  <td>
                    {c.entryItem}
                    <div class="hint">{c.catalogName}</div>
                  </td>
                  <td>{c.exclusion.reason}</td>
                  <td>{fmtTime(c.exclusion.created_at)}</td>
                  <td>
                    <DecisionForms x={c.exclusion} csrf={p.csrfToken} back="claims" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
