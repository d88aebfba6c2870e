import type { DocumentKind } from './kinds.ts';

/**
 * A document template: the parts of an official letter (公文) in the order they are printed.
 * Texts hold {placeholders} (see PLACEHOLDERS); body paragraphs are separated by line breaks.
 */
export interface DocumentTemplate {
  kind: DocumentKind;
  title: string;
  /** The 文号 line, normally just {number}. */
  numberLine: string;
  /** 主送: the applicant. */
  addressee: string;
  body: string;
  /** 落款: unit name and date, one per line, printed right-aligned. */
  signature: string;
}

const REMEDY =
  '如对本答复不服，可以在收到本答复之日起60日内向{reconsiderationOrgan}申请行政复议，或者在6个月内向{court}提起行政诉讼。';
const OPENING =
  '你（单位）于{receivedDate}向本机关提出的政府信息公开申请（申请编号：{requestCode}）收悉，申请获取“{description}”。';
const CONTACT = '联系人及电话：{contact}。';
const SIGNATURE = '{unitName}\n{date}';

function reply(kind: DocumentKind, paragraphs: string[]): DocumentTemplate {
  return {
    kind,
    title: '政府信息公开申请答复书',
    numberLine: '{number}',
    addressee: '{applicantName}：',
    body: [OPENING, ...paragraphs, REMEDY, '特此告知。'].join('\n'),
    signature: SIGNATURE,
  };
}

/** The shipped defaults. The office edits copies of these per tenant; the defaults stay as shipped. */
export const DEFAULT_TEMPLATES: Record<DocumentKind, DocumentTemplate> = {
  acknowledgement: {
    kind: 'acknowledgement',
    title: '政府信息公开申请受理回执',
    numberLine: '{number}',
    addressee: '{applicantName}：',
    body: [
      '本机关于{receivedDate}收到你（单位）提出的政府信息公开申请（申请编号：{requestCode}），申请获取“{description}”。',
      '根据《中华人民共和国政府信息公开条例》第三十一条、第三十三条的规定，本机关已登记受理你（单位）的申请，将于{deadline}前作出答复。如需延长答复期限，本机关将另行书面告知。',
      '你（单位）可以凭申请编号及查询密码在本机关政府信息公开平台查询办理进度。',
      CONTACT,
    ].join('\n'),
    signature: SIGNATURE,
  },
  supplement_notice: {
    kind: 'supplement_notice',
    title: '政府信息公开申请补正告知书',
    numberLine: '{number}',
    addressee: '{applicantName}：',
    body: [
      '本机关于{receivedDate}收到你（单位）提出的政府信息公开申请（申请编号：{requestCode}），申请获取“{description}”。',
      '经审查，你（单位）的申请内容不明确：{reason}。根据《中华人民共和国政府信息公开条例》第三十条的规定，请你（单位）于{supplementDeadline}前对下列事项作出补正：{supplementItems}',
      '答复期限自本机关收到补正后的申请之日起计算。你（单位）无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      CONTACT,
      '特此告知。',
    ].join('\n'),
    signature: SIGNATURE,
  },
  extension_notice: {
    kind: 'extension_notice',
    title: '政府信息公开申请延期答复告知书',
    numberLine: '{number}',
    addressee: '{applicantName}：',
    body: [
      '本机关于{receivedDate}收到你（单位）提出的政府信息公开申请（申请编号：{requestCode}），申请获取“{description}”。',
      '因{reason}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{extensionDays}个工作日，本机关将于{deadline}前作出答复。',
      CONTACT,
      '特此告知。',
    ].join('\n'),
    signature: SIGNATURE,
  },
  third_party_consultation: {
    kind: 'third_party_consultation',
    title: '政府信息公开第三方意见征询函',
    numberLine: '{number}',
    addressee: '{thirdPartyName}：',
    body: [
      '本机关于{receivedDate}收到政府信息公开申请（申请编号：{requestCode}），申请获取“{description}”。',
      '经审查，该政府信息可能涉及你（单位）的合法权益：{reason}。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求你（单位）的意见。',
      '请你（单位）自收到本函之日起15个工作日内（即{replyDeadline}前）提出书面意见，同意公开或者不同意公开，不同意公开的请说明理由。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。',
      CONTACT,
      '特此函询。',
    ].join('\n'),
    signature: SIGNATURE,
  },
  fee_notice: {
    kind: 'fee_notice',
    title: '政府信息公开信息处理费收费通知书',
    numberLine: '{number}',
    addressee: '{applicantName}：',
    body: [
      '本机关于{receivedDate}收到你（单位）提出的政府信息公开申请（申请编号：{requestCode}），申请获取“{description}”。',
      '根据《中华人民共和国政府信息公开条例》第四十二条和《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）的规定，你（单位）的申请应当缴纳信息处理费，计费方式及依据：{feeBasis}，应缴金额为人民币{feeAmount}元。',
      '请你（单位）自收到本通知书次日起20个工作日内（即{paymentDeadline}前）通过{paymentMethod}缴纳。自本通知书发出之日至收到费用之日的期间，不计算在答复期限内。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      CONTACT,
      '特此通知。',
    ].join('\n'),
    signature: SIGNATURE,
  },
  reply_disclosed: reply('reply_disclosed', [
    '经审查，你（单位）申请获取的政府信息属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关决定予以公开，{provisionMethod}。',
  ]),
  reply_partial: reply('reply_partial', [
    '经审查，你（单位）申请获取的政府信息中含有不应当公开的内容：{reason}，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向你（单位）提供可以公开的部分，{provisionMethod}；其余部分不予公开，依据为{legalBasis}。',
  ]),
  reply_withheld: reply('reply_withheld', [
    '经审查，你（单位）申请获取的政府信息{reason}。根据{legalBasis}和《中华人民共和国政府信息公开条例》第三十六条第（三）项的规定，本机关决定不予公开。',
  ]),
  reply_unavailable: reply('reply_unavailable', [
    '经检索查找，{reason}。根据{legalBasis}的规定，本机关无法向你（单位）提供该政府信息。',
  ]),
  reply_not_processed: reply('reply_not_processed', [
    '经审查，{reason}。根据{legalBasis}的规定，本机关对你（单位）的申请不予处理。',
  ]),
  reply_other: reply('reply_other', [
    '经审查，{reason}。根据{legalBasis}的规定，现答复如下：{provisionMethod}。',
  ]),
};
