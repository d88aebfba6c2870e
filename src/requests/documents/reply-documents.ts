import type { OutcomeKey } from '../outcomes.ts';
import type { DocumentKind } from './kinds.ts';

const OGI = '《中华人民共和国政府信息公开条例》';

/**
 * The legal basis a reply cites for each outcome (OGI Regulation, 2019 text; regulations.md §1.1,
 * §1.3, §2.3). issueDocument uses it as the default {legalBasis} of a reply; the handler may
 * write a more precise one.
 */
export const LEGAL_BASIS: Record<OutcomeKey, string> = {
  disclosed: `${OGI}第三十六条第（二）项`,
  partial: `${OGI}第三十七条`,
  withheld_state_secret: `${OGI}第十四条`,
  withheld_law_prohibited: `${OGI}第十四条`,
  withheld_security_stability: `${OGI}第十四条`,
  withheld_third_party: `${OGI}第十五条`,
  withheld_internal_affairs: `${OGI}第十六条第一款`,
  withheld_process_info: `${OGI}第十六条第二款`,
  withheld_enforcement_file: `${OGI}第十六条第二款`,
  withheld_query_matter: `${OGI}第三十六条第（七）项`,
  unavailable_not_held: `${OGI}第三十六条第（四）项`,
  unavailable_needs_creation: `${OGI}第三十八条`,
  unavailable_unclear: `${OGI}第三十条`,
  not_processed_petition: `${OGI}第三十九条第一款`,
  not_processed_repeat: `${OGI}第三十六条第（六）项`,
  not_processed_publication: `${OGI}第三十九条第二款`,
  not_processed_excessive: `${OGI}第三十五条`,
  not_processed_reconfirm: `${OGI}的有关规定`,
  other_no_supplement: `${OGI}第三十条`,
  other_fee_unpaid: `${OGI}第四十二条和《政府信息公开信息处理费管理办法》`,
  other: `${OGI}的有关规定`,
};

/** Which 答复书 template a reply with this outcome is printed from. */
export function replyDocumentKind(outcome: OutcomeKey): DocumentKind {
  if (outcome === 'disclosed') return 'reply_disclosed';
  if (outcome === 'partial') return 'reply_partial';
  // 行政查询事项 (Art. 36(7)) is answered by telling the applicant which procedure applies
  if (outcome === 'withheld_query_matter') return 'reply_other';
  if (outcome.startsWith('withheld_')) return 'reply_withheld';
  if (outcome.startsWith('unavailable_')) return 'reply_unavailable';
  if (outcome.startsWith('not_processed_')) return 'reply_not_processed';
  return 'reply_other';
}
