import type { Actor } from '../auth/actor.ts';
import { hasPermissionSomewhere } from '../auth/policy.ts';
import type { DbOrTx } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { listRequests } from './queries.ts';

export interface OverdueRequest {
  id: string;
  code: string;
  unitName: string;
  due: string | null;
}

/** The office dashboard's overdue list (requests the actor may see whose clock ran out). */
export async function overdueRequestsFor(
  db: DbOrTx,
  actor: Actor,
  today: string,
): Promise<OverdueRequest[] | null> {
  if (!hasPermissionSomewhere(actor, 'request.view')) return null;
  const rows = await listRequests(db, actor, today, { overdueOnly: true, limit: 50 });
  return rows.map((r) => ({ id: r.id, code: r.tracking_code, unitName: r.unit_name, due: r.due_date }));
}

export function OverdueRequestsSection(p: { items: OverdueRequest[] | null | undefined }) {
  if (!p.items) return null;
  return (
    <section id="overdue-requests">
      <h2>{t('request.dashboard_overdue')}</h2>
      {p.items.length === 0 ? (
        <p>{t('request.dashboard_none')}</p>
      ) : (
        <ul>
          {p.items.map((r) => (
            <li key={r.id}>
              <a href={`/admin/requests/${r.id}`}>{r.code}</a> · {r.unitName} · {t('request.f.due')} {r.due}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
