import type { VNode } from 'preact';
import type { Actor } from '../../auth/actor.ts';
import type { Db, Unit } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import { listEcho } from './echo.ts';
import { EchoCard } from './view-parts.tsx';

/** The 回音壁 section of a unit's public page: the latest answered messages and the way to write. */
export async function echoWallPanel(db: Db, actor: Actor, unit: Unit, _today: string): Promise<VNode | null> {
  const list = await listEcho(db, actor.tenantId, { unitId: unit.id, pageSize: 3 });
  return (
    <section class="engagement echo-panel" aria-labelledby="echo-panel-title">
      <h2 id="echo-panel-title">{t('feedback.panel_title')}</h2>
      {list.items.length === 0 && <p>{t('feedback.echo_empty')}</p>}
      {list.items.map((e) => (
        <EchoCard key={e.id} e={e} headingLevel={3} link />
      ))}
      <p>
        {unit.status === 'active' && (
          <>
            <a href={`/units/${unit.code}/feedback/new`}>{t('feedback.new_title')}</a> ·{' '}
          </>
        )}
        <a href={`/units/${unit.code}/echo`}>{t('feedback.echo_view_all')}</a>
      </p>
    </section>
  );
}
