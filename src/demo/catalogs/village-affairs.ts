import type { EntryInput } from '../../catalog/schemas.ts';
import { type DemoCatalog, entry, VILLAGE_LAW } from './build.ts';

const SUBJECT = '村民委员会';
/** Art. 30: general matters at least quarterly, on the village's notice board first. */
const QUARTERLY = {
  timing: 'periodic',
  period: 'quarterly',
  subject: SUBJECT,
  level: '村级',
  requiredChannels: ['bulletin_board'],
  optionalChannels: ['wechat', 'meeting'],
} satisfies Partial<EntryInput>;
/** Art. 30: major matters concerning villagers' interests at any time (随时). */
const AT_ONCE = { ...QUARTERLY, timing: 'immediate', period: undefined } satisfies Partial<EntryInput>;

const a24 = (n: string) => `${VILLAGE_LAW}第二十四条第一款第（${n}）项、第三十条`;

/** 村务公开指导目录 — Arts. 24 and 30 of the Organic Law of Villagers' Committees. */
export const VILLAGE_AFFAIRS: DemoCatalog = {
  unitKinds: ['village'],
  domain: 'village',
  name: '村务公开指导目录',
  description:
    '依据《中华人民共和国村民委员会组织法》第二十四条、第三十条制定。一般事项至少每季度公开一次，涉及村民利益的重大事项随时公开；以村务公开栏为主要载体。',
  entries: [
    entry('村民会议决定事项', '误工补贴', '享受误工补贴的人员及补贴标准', {
      ...QUARTERLY,
      legalBasis: a24('一'),
    }),
    entry('村民会议决定事项', '集体经济收益', '从村集体经济所得收益的使用', {
      ...QUARTERLY,
      legalBasis: a24('二'),
    }),
    entry('村民会议决定事项', '公益事业', '本村公益事业的兴办和筹资筹劳方案及建设承包方案', {
      ...AT_ONCE,
      elements: '项目名称、筹资筹劳标准、承包方、承包金额、实施进度',
      legalBasis: a24('三'),
    }),
    entry('村民会议决定事项', '土地承包', '土地承包经营方案', { ...AT_ONCE, legalBasis: a24('四') }),
    entry('村民会议决定事项', '集体经济项目', '村集体经济项目的立项、承包方案', {
      ...AT_ONCE,
      legalBasis: a24('五'),
    }),
    entry('村民会议决定事项', '宅基地', '宅基地的使用方案', {
      ...AT_ONCE,
      minDisplayDays: 5,
      legalBasis: a24('六'),
    }),
    entry('村民会议决定事项', '征地补偿', '征地补偿费的使用、分配方案', {
      ...AT_ONCE,
      elements: '补偿总额、分配方案、分配对象及金额、发放情况',
      legalBasis: a24('七'),
      requiredChannels: ['bulletin_board', 'meeting'],
      optionalChannels: ['wechat'],
    }),
    entry('村民会议决定事项', '集体财产处分', '以借贷、租赁或者其他方式处分村集体财产', {
      ...AT_ONCE,
      legalBasis: a24('八'),
    }),
    entry('村民会议决定事项', '其他事项', '村民会议认为应当由村民会议讨论决定的其他事项', {
      ...QUARTERLY,
      legalBasis: a24('九'),
    }),
    entry('政策落实', '计划生育', '国家计划生育政策的落实方案', {
      ...QUARTERLY,
      legalBasis: `${VILLAGE_LAW}第三十条第一款第（二）项`,
    }),
    entry(
      '政策落实',
      '救灾救助补贴',
      '政府拨付和接受社会捐赠的救灾救助、补贴补助等资金、物资的管理使用情况',
      {
        ...QUARTERLY,
        elements: '资金（物资）来源、数额、发放对象及标准（隐去身份证号码、银行账号等个人信息）',
        legalBasis: `${VILLAGE_LAW}第三十条第一款第（三）项`,
      },
    ),
    entry('政策落实', '协助政府工作', '村民委员会协助人民政府开展工作的情况', {
      ...QUARTERLY,
      legalBasis: `${VILLAGE_LAW}第三十条第一款第（四）项`,
    }),
    entry('村级组织', '村务监督', '村务监督委员会监督情况', {
      ...QUARTERLY,
      legalBasis: `${VILLAGE_LAW}第三十二条`,
      subject: '村务监督委员会',
    }),
    entry('其他', '村民普遍关心的事项', '涉及本村村民利益、村民普遍关心的其他事项', {
      ...AT_ONCE,
      legalBasis: `${VILLAGE_LAW}第三十条第一款第（五）项`,
    }),
  ],
};
