import type { EntryInput } from '../../catalog/schemas.ts';
import { type DemoCatalog, entry, VILLAGE_LAW } from './build.ts';

const FIN_RULES = '《农村集体经济组织财务公开规定》';
const COLLECTIVE_LAW = '《中华人民共和国农村集体经济组织法》';
const B = {
  subject: '村民委员会、村集体经济组织',
  level: '村级',
  requiredChannels: ['bulletin_board'],
  optionalChannels: ['wechat', 'meeting'],
} satisfies Partial<EntryInput>;
const MONTHLY = { ...B, timing: 'periodic', period: 'monthly' } satisfies Partial<EntryInput>;
const QUARTERLY = { ...B, timing: 'periodic', period: 'quarterly' } satisfies Partial<EntryInput>;
const YEARLY = { ...B, timing: 'periodic', period: 'yearly' } satisfies Partial<EntryInput>;
const AT_ONCE = { ...B, timing: 'immediate' } satisfies Partial<EntryInput>;

/**
 * 村级财务公开指导目录 — income and expenditure monthly, other finances quarterly, the collective's
 * funds, assets and resources (三资) yearly and on change, special matters at once.
 */
export const VILLAGE_FINANCE: DemoCatalog = {
  unitKinds: ['village'],
  domain: 'finance',
  name: '村级财务公开指导目录',
  description:
    '依据《中华人民共和国村民委员会组织法》第三十条、《农村集体经济组织财务公开规定》和《中华人民共和国农村集体经济组织法》第四十三条、第四十五条制定。财务收支逐月逐笔公开，公开前经村务监督委员会（民主理财小组）审核。',
  entries: [
    entry('财务收支', '收入', '村集体各项收入明细', {
      ...MONTHLY,
      elements: '收入项目、金额、来源、入账日期（逐项逐笔）',
      legalBasis: `${VILLAGE_LAW}第三十条；${FIN_RULES}`,
    }),
    entry('财务收支', '支出', '村集体各项支出明细', {
      ...MONTHLY,
      elements: '支出项目、金额、用途、经手人、审批人、支付日期（逐项逐笔）',
      legalBasis: `${VILLAGE_LAW}第三十条；${FIN_RULES}`,
    }),
    entry('财务计划', undefined, '村集体年度财务收支计划', {
      ...YEARLY,
      legalBasis: FIN_RULES,
    }),
    entry('债权债务', undefined, '村集体债权债务情况', {
      ...QUARTERLY,
      elements: '债权债务对象、金额、形成原因、清收偿还情况',
      legalBasis: FIN_RULES,
    }),
    entry('三资管理', '资金', '村集体资金管理情况', {
      ...QUARTERLY,
      elements: '银行存款、库存现金、专项资金余额；不得以个人名义开立账户存放集体资金',
      legalBasis: `${COLLECTIVE_LAW}第三十六条、第四十四条`,
    }),
    entry('三资管理', '资产', '村集体资产清单及变动情况', {
      ...YEARLY,
      elements: '房屋、设施、设备等资产名称、数量、价值、使用和处置情况',
      legalBasis: `${COLLECTIVE_LAW}第三十六条、第四十三条`,
    }),
    entry('三资管理', '资源', '村集体资源清单及发包租赁情况', {
      ...YEARLY,
      elements: '耕地、林地、草地、水面、“四荒地”、集体建设用地的面积、承包（租赁）对象、期限、价款',
      legalBasis: `${COLLECTIVE_LAW}第三十六条；${FIN_RULES}`,
    }),
    entry('收益分配', undefined, '村集体年度收益分配方案', {
      ...YEARLY,
      elements: '年度经营报告、财务会计报告、收益分配方案（成员大会召开十日前公开）',
      legalBasis: `${COLLECTIVE_LAW}第四十六条`,
    }),
    entry('专项公开', '征地补偿', '征地补偿费收入及分配情况', {
      ...AT_ONCE,
      legalBasis: FIN_RULES,
      requiredChannels: ['bulletin_board', 'meeting'],
      optionalChannels: ['wechat'],
    }),
    entry('专项公开', '资产资源处置', '集体资产资源发包、租赁、出让、投资及收益（亏损）情况', {
      ...AT_ONCE,
      legalBasis: FIN_RULES,
    }),
    entry('专项公开', '工程项目', '集体建设项目招投标、预决算情况', {
      ...B,
      timing: 'staged',
      elements: '项目名称、招标方式、中标单位、合同金额、预算、结算（决算）',
      legalBasis: FIN_RULES,
    }),
    entry('专项公开', '一事一议', '“一事一议”筹资筹劳及使用情况', {
      ...B,
      timing: 'staged',
      legalBasis: `${FIN_RULES}；${VILLAGE_LAW}第二十四条`,
    }),
  ],
};
