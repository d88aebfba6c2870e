import { outcomeOf } from '../../requests/outcomes.ts';

/**
 * Why a demanded item cannot be disclosed (cannot_disclose): the withheld grounds of 依申请公开
 * (the （三） rows of src/requests/outcomes.ts, so the vocabulary is one), each with the article of
 * 《政府信息公开条例》 it rests on. Keys are stored in demand_answers.ground.
 */
export const CANNOT_DISCLOSE_GROUNDS = [
  { key: 'withheld_state_secret', article: '《政府信息公开条例》第十四条' },
  { key: 'withheld_law_prohibited', article: '《政府信息公开条例》第十四条' },
  { key: 'withheld_security_stability', article: '《政府信息公开条例》第十四条' },
  { key: 'withheld_third_party', article: '《政府信息公开条例》第十五条' },
  { key: 'withheld_internal_affairs', article: '《政府信息公开条例》第十六条第一款' },
  { key: 'withheld_process_info', article: '《政府信息公开条例》第十六条第二款' },
  { key: 'withheld_enforcement_file', article: '《政府信息公开条例》第十六条第二款' },
  { key: 'withheld_query_matter', article: '《政府信息公开条例》第三十六条第（七）项' },
] as const;
export type CannotDiscloseGround = (typeof CANNOT_DISCLOSE_GROUNDS)[number]['key'];
export const GROUND_KEYS: readonly CannotDiscloseGround[] = CANNOT_DISCLOSE_GROUNDS.map((g) => g.key);

/** 属于国家秘密（《政府信息公开条例》第十四条） */
export function groundLabel(key: string | null): string {
  const g = CANNOT_DISCLOSE_GROUNDS.find((x) => x.key === key);
  if (!g) return key ?? '';
  return `${outcomeOf(g.key)?.label ?? g.key}（${g.article}）`;
}
