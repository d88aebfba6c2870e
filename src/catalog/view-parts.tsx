import type { CatalogEntry } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { CREATABLE_KINDS } from '../units/kinds.ts';
import type { PageMeta } from '../views/layout.tsx';
import { channelList } from './entry-rules.ts';
import { DOMAINS, describeTimeLimit } from './vocabulary.ts';

/** Small pieces the catalog pages share. */
export type Meta = PageMeta & { largeType?: boolean };

export const kindOptions = CREATABLE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }));
export const domainOptions = DOMAINS.map((d) => ({ value: d.code, label: t(`catalog.domain.${d.code}`) }));

export function timingText(e: CatalogEntry): string {
  const base = t(`catalog.timing.${e.timing}`);
  return e.period ? `${base}（${t(`catalog.period.${e.period}`)}）` : base;
}

export function channelsText(e: CatalogEntry): string {
  const req = channelList(e.required_channels).map((c) => t(`catalog.channel.${c}`));
  const opt = channelList(e.optional_channels).map((c) => t(`catalog.channel.${c}`));
  return [...req.map((x) => `■${x}`), ...opt.map((x) => `□${x}`)].join(' ');
}

/** The columns most people read in a catalog; the full record is on the entry's page. */
export function EntryCells({ e }: { e: CatalogEntry }) {
  return (
    <>
      <td>
        {e.level1}
        {e.level2 && ` / ${e.level2}`}
      </td>
      <td>
        <strong>{e.item}</strong>
        {e.elements && <div class="hint">{e.elements}</div>}
      </td>
      <td>
        {timingText(e)}
        <div class="hint">{e.time_limit_text ?? describeTimeLimit(e)}</div>
      </td>
      <td>
        {t(`catalog.audience.${e.audience}`)}
        <div class="hint">{t(`catalog.mode.${e.mode}`)}</div>
      </td>
      <td>{channelsText(e)}</td>
    </>
  );
}

export function EntryHead() {
  return (
    <>
      <th scope="col">{`${t('catalog.f.level1')} / ${t('catalog.f.level2')}`}</th>
      <th scope="col">{t('catalog.f.item')}</th>
      <th scope="col">{t('catalog.f.time_limit')}</th>
      <th scope="col">{t('catalog.f.audience')}</th>
      <th scope="col">{t('catalog.f.channels')}</th>
    </>
  );
}
