import type { EntryInput } from '../../catalog/schemas.ts';
import { type DemoCatalog, entry, PARTY_RULES } from './build.ts';

const INSIDE = {
  audience: 'partyInternal',
  subject: '党支部（党总支）',
  level: '村级',
  requiredChannels: ['meeting'],
  optionalChannels: ['bulletin_board', 'print'],
} satisfies Partial<EntryInput>;
const OUTSIDE = {
  ...INSIDE,
  audience: 'public',
  requiredChannels: ['bulletin_board'],
  optionalChannels: ['wechat', 'meeting'],
} satisfies Partial<EntryInput>;
const basis = (n: string) => `${PARTY_RULES}关于基层党组织党务公开内容的规定（${n}）`;

/**
 * 基层党组织党务公开指导目录 — the grassroots list of the Party-affairs regulation
 * (regulations.md §3): regular work 定期, phased work 逐段, ad-hoc work 随时.
 */
export const PARTY_GRASSROOTS: DemoCatalog = {
  unitKinds: ['party_branch', 'party_general_branch'],
  domain: 'party',
  name: '基层党组织党务公开指导目录',
  description:
    '依据《中国共产党党务公开条例（试行）》制定，适用于全县各党支部、党总支。一般先党内后党外；经常性工作定期公开，阶段性工作逐段公开，临时性工作随时公开。',
  entries: [
    entry('思想政治建设', '学习贯彻', '学习贯彻党中央和上级党组织决策部署情况', {
      ...INSIDE,
      timing: 'periodic',
      period: 'quarterly',
      legalBasis: basis('一'),
    }),
    entry('目标任务', '任期目标', '任期目标、阶段性工作计划', {
      ...OUTSIDE,
      timing: 'periodic',
      period: 'yearly',
      legalBasis: basis('二'),
    }),
    entry('目标任务', '重点任务', '重点任务及推进落实情况', {
      ...OUTSIDE,
      timing: 'staged',
      legalBasis: basis('二'),
    }),
    entry('组织生活', '三会一课', '“三会一课”开展情况', {
      ...INSIDE,
      timing: 'periodic',
      period: 'quarterly',
      elements: '支部党员大会、支委会、党小组会召开时间和议题，党课时间、主讲人和主题',
      legalBasis: basis('三'),
    }),
    entry('组织生活', '主题党日和党员教育培训', '主题党日、党员学习教育培训情况', {
      ...INSIDE,
      timing: 'periodic',
      period: 'quarterly',
      legalBasis: basis('三'),
    }),
    entry('组织建设', '换届选举', '党组织换届选举情况', {
      ...INSIDE,
      timing: 'staged',
      elements: '换届选举工作方案、候选人预备人选、选举结果',
      legalBasis: basis('四'),
      requiredChannels: ['meeting', 'bulletin_board'],
      optionalChannels: ['print'],
    }),
    entry('组织建设', '组织设置', '党组织设置及班子成员分工', {
      ...OUTSIDE,
      timing: 'standing',
      legalBasis: basis('四'),
    }),
    entry('组织建设', '发展党员', '发展党员工作情况', {
      ...OUTSIDE,
      timing: 'staged',
      elements:
        '入党积极分子、发展对象、拟接收预备党员和拟转正预备党员的基本情况（姓名、性别、出生年月、学历、入党申请时间等）',
      minDisplayDays: 5,
      legalBasis: `${basis('四')}；《中国共产党发展党员工作细则》`,
    }),
    entry('党员管理', '民主评议党员', '民主评议党员结果', {
      ...INSIDE,
      timing: 'periodic',
      period: 'yearly',
      legalBasis: basis('四'),
    }),
    entry('党员管理', '组织生活会', '组织生活会召开及整改落实情况', {
      ...INSIDE,
      timing: 'periodic',
      period: 'yearly',
      legalBasis: basis('四'),
    }),
    entry('党员管理', '党员权利保障', '党员权利保障情况', {
      ...INSIDE,
      timing: 'periodic',
      period: 'yearly',
      legalBasis: basis('四'),
    }),
    entry('党费管理', '党费收缴', '党费收缴情况', {
      ...INSIDE,
      timing: 'periodic',
      period: 'half_yearly',
      elements: '党员应缴、实缴党费金额及收缴月份',
      legalBasis: `${basis('四')}；《关于中国共产党党费收缴、使用和管理的规定》`,
      requiredChannels: ['bulletin_board', 'meeting'],
      optionalChannels: ['print'],
    }),
    entry('党费管理', '党费使用管理', '党费使用和管理情况', {
      ...INSIDE,
      timing: 'periodic',
      period: 'yearly',
      elements: '党费留存、使用项目、金额',
      legalBasis: `${basis('四')}；《关于中国共产党党费收缴、使用和管理的规定》`,
      requiredChannels: ['bulletin_board', 'meeting'],
      optionalChannels: ['print'],
    }),
    entry('作风建设', '整治“四风”', '纠正“四风”、服务党员群众情况', {
      ...OUTSIDE,
      timing: 'periodic',
      period: 'half_yearly',
      legalBasis: basis('五'),
    }),
    entry('从严治党', '主体责任', '落实全面从严治党主体责任、党风廉政建设情况', {
      ...OUTSIDE,
      timing: 'periodic',
      period: 'yearly',
      legalBasis: basis('六'),
    }),
    entry('从严治党', '党员处分', '党员受到组织处理或者纪律处分情况', {
      ...INSIDE,
      timing: 'immediate',
      legalBasis: basis('六'),
    }),
    entry('其他', undefined, '其他应当公开的党务事项', {
      ...INSIDE,
      timing: 'immediate',
      legalBasis: basis('七'),
    }),
  ],
};
