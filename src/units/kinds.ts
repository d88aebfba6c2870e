import type { Sphere, UnitKind } from '../db/types.ts';

/** Unit kinds, the sphere each belongs to, and the Chinese names used in imports and pages. */
export const UNIT_KINDS: Record<UnitKind, { sphere: Sphere; label: string; aliases: string[] }> = {
  region: { sphere: 'region', label: '区域', aliases: ['区域', '县域'] },
  county: { sphere: 'government', label: '县级政府', aliases: ['县级政府', '县政府', '县'] },
  office: { sphere: 'government', label: '公开办', aliases: ['公开办', '领导小组办公室'] },
  township: { sphere: 'government', label: '乡镇', aliases: ['乡镇', '乡', '镇'] },
  street: { sphere: 'government', label: '街道', aliases: ['街道', '街道办事处'] },
  department: { sphere: 'government', label: '县直部门', aliases: ['县直部门', '部门'] },
  village: { sphere: 'government', label: '村', aliases: ['村', '行政村', '村委会'] },
  community: { sphere: 'government', label: '社区', aliases: ['社区', '居委会'] },
  school: { sphere: 'government', label: '学校', aliases: ['学校'] },
  hospital: { sphere: 'government', label: '医院', aliases: ['医院', '卫生院'] },
  enterprise: { sphere: 'government', label: '企业', aliases: ['企业', '国有企业'] },
  party_committee: { sphere: 'party', label: '党委', aliases: ['党委', '县委', '乡镇党委', '党工委'] },
  party_general_branch: { sphere: 'party', label: '党总支', aliases: ['党总支'] },
  party_branch: { sphere: 'party', label: '党支部', aliases: ['党支部'] },
  party_group: { sphere: 'party', label: '党组', aliases: ['党组'] },
};

export const CREATABLE_KINDS = (Object.keys(UNIT_KINDS) as UnitKind[]).filter((k) => k !== 'region');

export function sphereOf(kind: UnitKind): Sphere {
  return UNIT_KINDS[kind].sphere;
}

export function kindFromLabel(label: string): UnitKind | null {
  const v = label.trim();
  if (v in UNIT_KINDS) return v as UnitKind;
  for (const [k, def] of Object.entries(UNIT_KINDS)) if (def.aliases.includes(v)) return k as UnitKind;
  return null;
}

/** A party organisation sits under a party organisation or the region root; likewise government units. */
export function parentAccepts(parentSphere: Sphere, childSphere: Sphere): boolean {
  return parentSphere === 'region' || parentSphere === childSphere;
}
