/**
 * The statutory documents of a request (依申请公开文书). One template per kind and tenant; the
 * reply kinds follow Art. 36 as the annual report groups them (予以公开 … 其他).
 */
export const DOCUMENT_KINDS = [
  'acknowledgement', // 受理回执
  'supplement_notice', // 补正告知书 (Art. 30)
  'extension_notice', // 延期答复告知书 (Art. 33(2))
  'third_party_consultation', // 第三方意见征询函 (Art. 32)
  'fee_notice', // 收费通知书 (国办函〔2020〕109号)
  'reply_disclosed', // 答复书：予以公开 (Art. 36(1)(2))
  'reply_partial', // 答复书：部分公开 (Art. 37)
  'reply_withheld', // 答复书：不予公开 (Art. 36(3))
  'reply_unavailable', // 答复书：无法提供 (Art. 36(4)(5), Art. 38)
  'reply_not_processed', // 答复书：不予处理 (Art. 35, 36(6), 39)
  'reply_other', // 答复书：其他 (Art. 36(7) and other cases)
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(v: unknown): v is DocumentKind {
  return typeof v === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(v);
}

/** Reply documents end with the legal-remedy paragraph (Art. 51). */
export function isReplyKind(kind: DocumentKind): boolean {
  return kind.startsWith('reply_');
}

/**
 * The placeholders a template may use, with what each one means (shown as help on the edit form).
 * `number`, `unitName` and `date` are filled by issueDocument; the rest come from the caller.
 */
export const PLACEHOLDERS = {
  number: '文号（签发时自动编号）',
  unitName: '发文单位名称（签发时自动填写）',
  date: '成文日期（签发当日，如 2026年3月2日）',
  applicantName: '申请人姓名或名称',
  receivedDate: '收到申请之日',
  requestCode: '申请编号（查询码）',
  description: '申请公开的政府信息内容描述',
  deadline: '答复期限或相关期限',
  reason: '理由或说明',
  legalBasis: '法律依据（条款）',
  supplementItems: '需要补正的事项',
  supplementDeadline: '补正期限',
  extensionDays: '延长的工作日数',
  thirdPartyName: '第三方名称',
  replyDeadline: '第三方提出意见的期限',
  feeAmount: '信息处理费金额（元）',
  feeBasis: '收费方式与计算依据（按件或按量）',
  paymentMethod: '缴费方式',
  paymentDeadline: '缴费期限',
  provisionMethod: '信息提供方式与获取途径',
  reconsiderationOrgan: '行政复议机关',
  court: '管辖人民法院',
  contact: '联系人及联系电话',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

export function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** Placeholder names used in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\{([^{}\s]*)\}/g)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

/** Names used in a text that are not known placeholders (template validation rejects them). */
export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((n) => !isPlaceholder(n));
}
