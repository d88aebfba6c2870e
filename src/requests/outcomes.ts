/**
 * The canonical vocabularies of 依申请公开: applicant kinds (the columns of annual-report table 三),
 * request outcomes (its rows, regulations.md §2.3) with the Art. 36 reply kinds that lead to them,
 * and remedy kinds/results (table 四). src/requests/report/ imports these; keys are stable (stored).
 */

/** 申请人情况: 自然人, or 法人或其他组织 with the five sub-kinds of table 三. */
export const APPLICANT_KINDS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_interest_org',
  'legal_service_org',
  'other_org',
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  public_interest_org: '社会公益组织',
  legal_service_org: '法律服务机构',
  other_org: '其他',
};

/**
 * Final outcome of a request = one data row of table 三 “本年度办理结果”. `row` is the row's number
 * as printed, `label` its official text. Stored in requests.outcome_key.
 */
export const OUTCOMES = [
  { key: 'disclosed', row: '（一）', label: '予以公开' },
  { key: 'partial', row: '（二）', label: '部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'withheld_state_secret', row: '（三）1', label: '属于国家秘密' },
  { key: 'withheld_law_prohibited', row: '（三）2', label: '其他法律行政法规禁止公开' },
  { key: 'withheld_security_stability', row: '（三）3', label: '危及“三安全一稳定”' },
  { key: 'withheld_third_party', row: '（三）4', label: '保护第三方合法权益' },
  { key: 'withheld_internal_affairs', row: '（三）5', label: '属于三类内部事务信息' },
  { key: 'withheld_process_info', row: '（三）6', label: '属于四类过程性信息' },
  { key: 'withheld_enforcement_file', row: '（三）7', label: '属于行政执法案卷' },
  { key: 'withheld_query_matter', row: '（三）8', label: '属于行政查询事项' },
  { key: 'unavailable_not_held', row: '（四）1', label: '本机关不掌握相关政府信息' },
  { key: 'unavailable_needs_creation', row: '（四）2', label: '没有现成信息需要另行制作' },
  { key: 'unavailable_unclear', row: '（四）3', label: '补正后申请内容仍不明确' },
  { key: 'not_processed_petition', row: '（五）1', label: '信访举报投诉类申请' },
  { key: 'not_processed_repeat', row: '（五）2', label: '重复申请' },
  { key: 'not_processed_publication', row: '（五）3', label: '要求提供公开出版物' },
  { key: 'not_processed_excessive', row: '（五）4', label: '无正当理由大量反复申请' },
  { key: 'not_processed_reconfirm', row: '（五）5', label: '要求行政机关确认或重新出具已获取信息' },
  {
    key: 'other_no_supplement',
    row: '（六）1',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    key: 'other_fee_unpaid',
    row: '（六）2',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { key: 'other', row: '（六）3', label: '其他' },
] as const;
export type OutcomeKey = (typeof OUTCOMES)[number]['key'];
export const OUTCOME_KEYS: readonly OutcomeKey[] = OUTCOMES.map((o) => o.key);
export function outcomeOf(key: string) {
  return OUTCOMES.find((o) => o.key === key);
}

/**
 * The reply (答复) kinds: the seven of Art. 36, plus partial disclosure (Art. 37) and “not
 * processed” (Arts. 35, 39 and re-issue requests), each with the outcomes it may lead to. A kind
 * with one outcome needs no reason; otherwise the reply names the reason (= the outcome key).
 */
export const REPLY_KINDS = {
  already_public: ['disclosed'], // 36(1) 已主动公开
  provided: ['disclosed'], // 36(2) 予以提供
  partial: ['partial'], // 37 区分处理
  withheld: [
    'withheld_state_secret',
    'withheld_law_prohibited',
    'withheld_security_stability',
    'withheld_third_party',
    'withheld_internal_affairs',
    'withheld_process_info',
    'withheld_enforcement_file',
  ], // 36(3) 不予公开
  not_exist: ['unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear'], // 36(4), 38, 补正后仍不明确
  not_responsible: ['unavailable_not_held'], // 36(5) 非本机关职责
  repeat: ['not_processed_repeat'], // 36(6) 重复申请
  special_procedure: ['withheld_query_matter', 'other'], // 36(7) 按特别规定办理
  not_processed: [
    'not_processed_petition',
    'not_processed_publication',
    'not_processed_excessive',
    'not_processed_reconfirm',
  ], // 35, 39
} as const satisfies Record<string, readonly OutcomeKey[]>;
export type ReplyKind = keyof typeof REPLY_KINDS;
export const REPLY_KIND_KEYS = Object.keys(REPLY_KINDS) as ReplyKind[];

/** Outcomes a request can reach without a reply (it ends early). */
export const ENDING_OUTCOMES = ['other_no_supplement', 'other_fee_unpaid', 'other'] as const;

/** 行政复议 / 行政诉讼 (未经复议直接起诉 / 复议后起诉): the three groups of table 四. */
export const REMEDY_KINDS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
/** 结果维持 · 结果纠正 · 其他结果 · 尚未审结 (the fifth column, 总计, is their sum). */
export const REMEDY_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type RemedyResult = (typeof REMEDY_RESULTS)[number];

/** Where a request comes from (Art. 31 received-date rules per channel). */
export const CHANNELS = ['online', 'in_person', 'registered_post', 'ordinary_post', 'fax', 'email'] as const;
export type RequestChannel = (typeof CHANNELS)[number];
export const PROVISION_FORMS = ['paper', 'electronic'] as const;
export const OBTAIN_METHODS = ['pickup', 'post', 'email', 'download'] as const;
export const DELIVERY_METHODS = ['direct', 'entrusted', 'post', 'email', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
