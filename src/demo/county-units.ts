import type { DemoUnit } from './county-data.ts';

/**
 * The unit tree of 青山县. Government units and party organisations are two subtrees under the
 * region root 'qingshan' (grants never cross spheres), so every township, village and department
 * has a party organisation in the party subtree that points back at it through hostCode.
 *
 * Codes: QS-GOV (县政府), QS-GKB (公开办), QS-TS-… and QS-ST-… (乡镇/街道), QS-V-… and QS-C-… (村/社区),
 * QS-D-… (县直部门), QS-CPC… (党组织). 行政区划代码 use the fictional county 360799: streets
 * 001–099, towns 1xx, 乡 2xx; inside a township communities 001–199 and villages 2xx, as the
 * national standard orders 居委会 before 村委会.
 *
 * The array is in creation order: parents before children, hosts before their party organisation.
 */

const ROOT = 'qingshan';
const COUNTY_CODE = '360799';

interface TownshipRow {
  key: string;
  name: string;
  kind: 'township' | 'street';
  /** Three-digit township part of the 行政区划代码. */
  seq: string;
  address: string;
  /** Villages and communities, the seat (驻地) first. */
  places: [name: string, kind: 'village' | 'community'][];
}

const TOWNSHIPS: TownshipRow[] = [
  {
    key: 'QINGSHAN',
    name: '青山街道',
    kind: 'street',
    seq: '001',
    address: '青山县青山街道人民大道88号',
    places: [
      ['东街社区', 'community'],
      ['西街社区', 'community'],
      ['南门社区', 'community'],
      ['北关社区', 'community'],
      ['新华社区', 'community'],
    ],
  },
  {
    key: 'TAOYUAN',
    name: '桃源镇',
    kind: 'township',
    seq: '101',
    address: '青山县桃源镇桃源大道16号',
    places: [
      ['桃源村', 'village'],
      ['杏花村', 'village'],
      ['柳溪村', 'village'],
      ['石门村', 'village'],
      ['上塘村', 'village'],
      ['桃源社区', 'community'],
    ],
  },
  {
    key: 'LONGQUAN',
    name: '龙泉镇',
    kind: 'township',
    seq: '102',
    address: '青山县龙泉镇龙泉路9号',
    places: [
      ['龙泉村', 'village'],
      ['白沙村', 'village'],
      ['坪上村', 'village'],
      ['枫树村', 'village'],
      ['龙泉社区', 'community'],
    ],
  },
  {
    key: 'QINGXI',
    name: '清溪镇',
    kind: 'township',
    seq: '103',
    address: '青山县清溪镇解放街21号',
    places: [
      ['清溪村', 'village'],
      ['河口村', 'village'],
      ['古樟村', 'village'],
      ['田心村', 'village'],
      ['新屋村', 'village'],
      ['清溪社区', 'community'],
    ],
  },
  {
    key: 'SHIGANG',
    name: '石岗镇',
    kind: 'township',
    seq: '104',
    address: '青山县石岗镇府前路3号',
    places: [
      ['石岗村', 'village'],
      ['长岭村', 'village'],
      ['下洲村', 'village'],
      ['横江村', 'village'],
      ['石岗社区', 'community'],
    ],
  },
  {
    key: 'YUNLING',
    name: '云岭乡',
    kind: 'township',
    seq: '201',
    address: '青山县云岭乡云岭街1号',
    places: [
      ['云岭村', 'village'],
      ['高坑村', 'village'],
      ['竹园村', 'village'],
      ['茶岭村', 'village'],
    ],
  },
  {
    key: 'MEILIN',
    name: '梅林乡',
    kind: 'township',
    seq: '202',
    address: '青山县梅林乡梅林街12号',
    places: [
      ['梅林村', 'village'],
      ['湖塘村', 'village'],
      ['黄泥村', 'village'],
      ['大坪村', 'village'],
    ],
  },
];

/**
 * 县直部门: code suffix, name after "青山县", and the kind of its party organisation
 * (most government departments have a 党组; a few small ones only a 机关党支部; 公安局 a 党委).
 */
const DEPARTMENTS: [abbr: string, name: string, party: 'party_group' | 'party_branch' | 'party_committee'][] =
  [
    ['FGW', '发展和改革委员会', 'party_group'],
    ['CZJ', '财政局', 'party_group'],
    ['JYJ', '教育局', 'party_group'],
    ['MZJ', '民政局', 'party_group'],
    ['RSJ', '人力资源和社会保障局', 'party_group'],
    ['ZRZYJ', '自然资源局', 'party_group'],
    ['ZJJ', '住房和城乡建设局', 'party_group'],
    ['JTJ', '交通运输局', 'party_group'],
    ['NYJ', '农业农村局', 'party_group'],
    ['SLJ', '水利局', 'party_group'],
    ['WJW', '卫生健康委员会', 'party_group'],
    ['SCJG', '市场监督管理局', 'party_group'],
    ['YJJ', '应急管理局', 'party_group'],
    ['STHJ', '生态环境分局', 'party_branch'],
    ['SJJ', '审计局', 'party_group'],
    ['TJJ', '统计局', 'party_branch'],
    ['WLJ', '文化和旅游局', 'party_group'],
    ['TYJ', '退役军人事务局', 'party_group'],
    ['YBJ', '医疗保障局', 'party_group'],
    ['XCZX', '乡村振兴局', 'party_branch'],
    ['SFJ', '司法局', 'party_group'],
    ['GAJ', '公安局', 'party_committee'],
    ['LYJ', '林业局', 'party_group'],
    ['ZWFW', '政务服务管理局', 'party_branch'],
  ];

/** Schools, hospitals and one state-owned enterprise under their supervising department. */
const INSTITUTIONS: DemoUnit[] = (
  [
    ['QS-SCH-YZ', '青山县第一中学', 'school', 'QS-D-JYJ', '青山县青山街道学府路2号'],
    ['QS-SCH-SYXX', '青山县实验小学', 'school', 'QS-D-JYJ', '青山县青山街道文昌路15号'],
    ['QS-SCH-TYZX', '青山县桃源镇中心小学', 'school', 'QS-D-JYJ', '青山县桃源镇桃源大道40号'],
    ['QS-HOS-RMYY', '青山县人民医院', 'hospital', 'QS-D-WJW', '青山县青山街道健康路1号'],
    ['QS-HOS-ZYY', '青山县中医院', 'hospital', 'QS-D-WJW', '青山县青山街道仁和路8号'],
    ['QS-HOS-TYWSY', '青山县桃源镇卫生院', 'hospital', 'QS-D-WJW', '青山县桃源镇桃源大道25号'],
    ['QS-ENT-CTJT', '青山县城市建设投资集团有限公司', 'enterprise', 'QS-D-CZJ', '青山县青山街道人民大道66号'],
  ] as const
).map(([code, name, kind, parentCode, address], i) => ({
  code,
  name,
  kind,
  parentCode,
  contactPhone: phone(4000 + i * 7),
  address,
}));

/** Deterministic, fictional 7-digit local numbers in area code 0797. */
function phone(n: number): string {
  return `0797-${String(7200000 + n * 13).padStart(7, '0')}`;
}

function townshipCode(t: TownshipRow): string {
  return `QS-${t.kind === 'street' ? 'ST' : 'TS'}-${t.key}`;
}

interface Place {
  code: string;
  name: string;
  kind: 'village' | 'community';
  adminCode: string;
}

/** Numbers villages and communities separately, as both their codes and 区划代码 do. */
function placesOf(t: TownshipRow): Place[] {
  let villages = 0;
  let communities = 0;
  return t.places.map(([name, kind]) => {
    const n = kind === 'village' ? ++villages : ++communities;
    const two = String(n).padStart(2, '0');
    return {
      code: `QS-${kind === 'village' ? 'V' : 'C'}-${t.key}-${two}`,
      name,
      kind,
      adminCode: `${COUNTY_CODE}${t.seq}${kind === 'village' ? 200 + n : String(n).padStart(3, '0')}`,
    };
  });
}

function townshipPartyName(t: TownshipRow): string {
  return t.kind === 'street' ? `中共青山县${t.name}工作委员会` : `中共青山县${t.name}委员会`;
}

function departmentPartyName(name: string, kind: 'party_group' | 'party_branch' | 'party_committee'): string {
  if (kind === 'party_group') return `中共青山县${name}党组`;
  if (kind === 'party_committee') return `中共青山县${name}委员会`;
  return `中共青山县${name}机关支部委员会`;
}

function buildUnits(): DemoUnit[] {
  const units: DemoUnit[] = [
    {
      code: 'QS-GOV',
      name: '青山县人民政府',
      kind: 'county',
      parentCode: ROOT,
      adminCode: `${COUNTY_CODE}000000`,
      contactPhone: '0797-7212345',
      address: '青山县青山街道人民大道1号',
    },
    {
      code: 'QS-GKB',
      name: '青山县三务公开领导小组办公室',
      kind: 'office',
      parentCode: 'QS-GOV',
      contactPhone: '0797-7212300',
      address: '青山县行政中心3号楼306室',
    },
  ];

  // Townships/streets and their villages/communities (government sphere).
  TOWNSHIPS.forEach((t, ti) => {
    units.push({
      code: townshipCode(t),
      name: t.name,
      kind: t.kind,
      parentCode: 'QS-GOV',
      adminCode: `${COUNTY_CODE}${t.seq}000`,
      contactPhone: phone(1000 + ti * 31),
      address: t.address,
    });
    for (const [pi, p] of placesOf(t).entries()) {
      units.push({
        code: p.code,
        name: p.name,
        kind: p.kind,
        parentCode: townshipCode(t),
        adminCode: p.adminCode,
        contactPhone: phone(2000 + ti * 97 + pi * 11),
        address: `青山县${t.name}${p.name}${p.kind === 'village' ? '村民委员会' : '居民委员会'}`,
      });
    }
  });

  // County departments, then the institutions under them.
  DEPARTMENTS.forEach(([abbr, name], di) => {
    units.push({
      code: `QS-D-${abbr}`,
      name: `青山县${name}`,
      kind: 'department',
      parentCode: 'QS-GOV',
      contactPhone: phone(3000 + di * 17),
      address: `青山县行政中心${(di % 5) + 1}号楼`,
    });
  });
  units.push(...INSTITUTIONS);

  // Party subtree: 县委 directly under the region root, 纪委 under it.
  units.push(
    {
      code: 'QS-CPC',
      name: '中共青山县委员会',
      kind: 'party_committee',
      parentCode: ROOT,
      contactPhone: '0797-7211000',
      address: '青山县青山街道人民大道2号',
    },
    {
      code: 'QS-CPC-JW',
      name: '中共青山县纪律检查委员会',
      kind: 'party_committee',
      parentCode: 'QS-CPC',
      contactPhone: '0797-7211200',
      address: '青山县青山街道人民大道2号',
    },
  );

  // 乡镇党委/街道党工委, each with its 村/社区 branches (社区 are 党总支, 村 are 党支部).
  TOWNSHIPS.forEach((t, ti) => {
    const committee = `QS-CPC-${t.key}`;
    units.push({
      code: committee,
      name: townshipPartyName(t),
      kind: 'party_committee',
      parentCode: 'QS-CPC',
      hostCode: townshipCode(t),
      contactPhone: phone(1001 + ti * 31),
      address: t.address,
    });
    for (const p of placesOf(t)) {
      const general = p.kind === 'community';
      units.push({
        code: p.code.replace(/^QS-/, 'QS-CPC-'),
        name: `中共${t.name}${p.name}${general ? '总支部委员会' : '支部委员会'}`,
        kind: general ? 'party_general_branch' : 'party_branch',
        parentCode: committee,
        hostCode: p.code,
      });
    }
  });

  // 部门党组/机关党支部 report to the county party committee.
  for (const [abbr, name, kind] of DEPARTMENTS) {
    units.push({
      code: `QS-CPC-D-${abbr}`,
      name: departmentPartyName(name, kind),
      kind,
      parentCode: 'QS-CPC',
      hostCode: `QS-D-${abbr}`,
    });
  }
  return units;
}

export const DEMO_UNITS: readonly DemoUnit[] = buildUnits();
