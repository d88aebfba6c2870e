import type {
  Audience,
  CatalogDomain,
  DisclosureMode,
  DisclosurePeriod,
  DisclosureTiming,
  RoleName,
} from '../db/types.ts';

/**
 * The closed vocabularies of a catalog entry: the codes stored and sent over the API, and the
 * Chinese words a catalog spreadsheet uses for them (the first label is what an export writes;
 * the aliases are what real county catalogs also write and an import accepts).
 */
export interface Term<C extends string> {
  code: C;
  label: string;
  aliases: readonly string[];
}

export const DOMAINS: readonly Term<CatalogDomain>[] = [
  { code: 'party', label: '党务', aliases: ['党务公开'] },
  { code: 'government', label: '政务', aliases: ['政务公开', '政府信息'] },
  { code: 'finance', label: '财务', aliases: ['财务公开'] },
  { code: 'village', label: '村务', aliases: ['村务公开', '居务', '居务公开'] },
  { code: 'service', label: '办事', aliases: ['办事公开'] },
];

export const MODES: readonly Term<DisclosureMode>[] = [
  { code: 'proactive', label: '主动', aliases: ['主动公开'] },
  { code: 'on_request', label: '依申请', aliases: ['依申请公开'] },
];

export const TIMINGS: readonly Term<DisclosureTiming>[] = [
  { code: 'standing', label: '长期', aliases: ['长期公开', '常年公开'] },
  { code: 'periodic', label: '定期', aliases: ['定期公开'] },
  { code: 'immediate', label: '即时', aliases: ['即时公开', '随时', '随时公开', '及时', '及时公开', '实时'] },
  { code: 'staged', label: '逐段', aliases: ['逐段公开', '分段公开', '阶段性公开'] },
];

export const PERIODS: readonly Term<DisclosurePeriod>[] = [
  { code: 'monthly', label: '每月', aliases: ['月', '月度', '按月', '每月一次'] },
  { code: 'quarterly', label: '每季度', aliases: ['季度', '季', '按季度', '每季', '每季度一次'] },
  { code: 'half_yearly', label: '每半年', aliases: ['半年', '半年度', '按半年'] },
  { code: 'yearly', label: '每年', aliases: ['年', '年度', '每年度', '按年度', '每年一次'] },
];

export const AUDIENCES: readonly Term<Audience>[] = [
  { code: 'public', label: '社会公开', aliases: ['全社会', '社会', '向社会公开'] },
  { code: 'partyInternal', label: '党内公开', aliases: ['党内', '全党', '在全党公开'] },
  { code: 'unitInternal', label: '本单位', aliases: ['本单位公开', '本单位内部', '单位内部'] },
  { code: 'specificGroup', label: '特定对象', aliases: ['特定群体', '特定群众', '特定人群'] },
];

export type ChannelCode =
  | 'portal'
  | 'gazette'
  | 'wechat'
  | 'press_conference'
  | 'broadcast'
  | 'print'
  | 'reading_point'
  | 'service_hall'
  | 'convenience_station'
  | 'door_to_door'
  | 'bulletin_board'
  | 'targeted_push'
  | 'meeting'
  | 'other';

/** The channel options of the standard catalogs (regulations.md §5.3), plus meetings. */
export const CHANNELS: readonly Term<ChannelCode>[] = [
  {
    code: 'portal',
    label: '政府网站',
    aliases: ['门户网站', '网站', '政务网站', '政府门户网站', '党务公开网站'],
  },
  { code: 'gazette', label: '政府公报', aliases: ['公报'] },
  { code: 'wechat', label: '政务新媒体', aliases: ['两微一端', '新媒体', '微信公众号', '微信', '微博'] },
  { code: 'press_conference', label: '发布会/听证会', aliases: ['新闻发布会', '发布会', '听证会'] },
  { code: 'broadcast', label: '广播电视', aliases: ['广播', '电视', '广播电视台'] },
  { code: 'print', label: '纸质媒体', aliases: ['纸质', '印发', '报刊', '文件', '明白纸', '简报'] },
  { code: 'reading_point', label: '公开查阅点', aliases: ['查阅点', '政府信息查阅点', '查阅场所'] },
  { code: 'service_hall', label: '政务服务中心', aliases: ['政务服务场所', '政务大厅', '办事大厅'] },
  { code: 'convenience_station', label: '便民服务站', aliases: ['便民服务中心', '党群服务中心'] },
  { code: 'door_to_door', label: '入户/现场', aliases: ['入户', '现场'] },
  {
    code: 'bulletin_board',
    label: '公开栏',
    aliases: ['公示栏', '村务公开栏', '党务公开栏', '社区/企事业单位/村公示栏(电子屏)', '电子屏', '公告栏'],
  },
  { code: 'targeted_push', label: '精准推送', aliases: ['推送'] },
  {
    code: 'meeting',
    label: '会议',
    aliases: ['会议公开', '党员大会', '村民会议', '村民代表会议', '会议通报'],
  },
  { code: 'other', label: '其他', aliases: [] },
];

export const CHANNEL_CODES = CHANNELS.map((c) => c.code);

/** Roles that can be responsible for an entry (the public and party members cannot). */
export const RESPONSIBLE_ROLES: readonly Term<RoleName>[] = [
  { code: 'publisher', label: '信息发布员', aliases: ['信息员', '发布员', '信息发布员'] },
  { code: 'reviewer', label: '审核员', aliases: ['保密审查员', '审核员（保密审查）'] },
  { code: 'approver', label: '审批人', aliases: ['分管负责人', '主要负责人', '审批人（分管/主要负责人）'] },
  { code: 'office', label: '公开办', aliases: ['领导小组办公室'] },
];

/** Looks a cell's word up among the labels, aliases and codes; whitespace and case are ignored. */
export function fromLabel<C extends string>(terms: readonly Term<C>[], text: string): C | null {
  const v = normalise(text);
  if (v === '') return null;
  for (const t of terms)
    if (normalise(t.label) === v || normalise(t.code) === v || t.aliases.some((a) => normalise(a) === v))
      return t.code;
  return null;
}

export function labelOf<C extends string>(terms: readonly Term<C>[], code: C | null | undefined): string {
  if (!code) return '';
  return terms.find((t) => t.code === code)?.label ?? code;
}

function normalise(s: string): string {
  return s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/／/g, '/').toLowerCase();
}

/** The default 公开时限 wording when an entry has no text of its own. */
export function describeTimeLimit(e: {
  timing: DisclosureTiming;
  period: DisclosurePeriod | null;
  time_limit_days: number;
}): string {
  const n = e.time_limit_days;
  switch (e.timing) {
    case 'periodic':
      return `${labelOf(PERIODS, e.period)}公开，期满后${n}个工作日内`;
    case 'immediate':
      return `事项发生或形成后${n}个工作日内`;
    case 'staged':
      return `各阶段完成后${n}个工作日内`;
    default:
      return `信息形成（变更）之日起${n}个工作日内`;
  }
}
