import type { EntryInput } from '../../catalog/schemas.ts';
import type { CatalogDomain, UnitKind } from '../../db/types.ts';

/** A starter guiding catalog of the demo county: defined by the county office (the region root). */
export interface DemoCatalog {
  /** One catalog is created per kind (e.g. 乡镇 and 街道 share the township list). */
  unitKinds: UnitKind[];
  domain: CatalogDomain;
  name: string;
  description: string;
  entries: EntryInput[];
}

export const OGI = '《中华人民共和国政府信息公开条例》';
export const VILLAGE_LAW = '《中华人民共和国村民委员会组织法》';
export const PARTY_RULES = '《中国共产党党务公开条例（试行）》';

type Short = Omit<EntryInput, 'level1' | 'item' | 'mode' | 'timing' | 'audience'> &
  Partial<Pick<EntryInput, 'mode' | 'timing' | 'audience'>>;

/**
 * Entry builders: the common case (proactive, public, website) by default, so the data files
 * read like the catalogs they copy. `d` is what differs.
 */
export function entry(level1: string, level2: string | undefined, item: string, d: Short = {}): EntryInput {
  return {
    level1,
    level2,
    item,
    mode: 'proactive',
    timing: 'standing',
    audience: 'public',
    requiredChannels: ['portal'],
    ...d,
  };
}
