import type { EntryInput } from '../../catalog/schemas.ts';
import { type DemoCatalog, entry } from './build.ts';

const LAW = '《中华人民共和国城市居民委员会组织法》';
const B = {
  subject: '社区居民委员会',
  level: '村级',
  requiredChannels: ['bulletin_board'],
  optionalChannels: ['wechat', 'meeting'],
} satisfies Partial<EntryInput>;

/** 社区居务公开指导目录 — communities (居委会) follow their own organic law, not the villages'. */
export const COMMUNITY_AFFAIRS: DemoCatalog = {
  unitKinds: ['community'],
  domain: 'village',
  name: '社区居务公开指导目录',
  description: '依据《中华人民共和国城市居民委员会组织法》和全县村（居）务公开要求制定，适用于全县各社区。',
  entries: [
    entry('组织建设', '居委会组成', '社区居民委员会成员及分工', { ...B, legalBasis: LAW }),
    entry('居民自治', '居民会议决定事项', '居民会议讨论决定的涉及全体居民利益的事项及执行情况', {
      ...B,
      timing: 'periodic',
      period: 'quarterly',
      legalBasis: LAW,
    }),
    entry('公共服务', '代办服务', '社区代办服务事项、办理流程和联系方式', {
      ...B,
      legalBasis: LAW,
      requiredChannels: ['bulletin_board', 'convenience_station'],
    }),
    entry('民生保障', '社会救助', '最低生活保障、特困人员救助对象及标准（隐去身份证号码等个人信息）', {
      ...B,
      timing: 'periodic',
      period: 'quarterly',
      legalBasis: '《社会救助暂行办法》',
    }),
    entry('民生保障', '救灾救助物资', '救灾救助资金、物资及社会捐赠的分配使用情况', {
      ...B,
      timing: 'immediate',
      legalBasis: LAW,
    }),
  ],
};

/** 社区财务公开指导目录. */
export const COMMUNITY_FINANCE: DemoCatalog = {
  unitKinds: ['community'],
  domain: 'finance',
  name: '社区财务公开指导目录',
  description: '社区工作经费、服务群众专项经费等收支情况，每季度公开一次。',
  entries: [
    entry('经费收支', '工作经费', '社区工作经费收支情况', {
      ...B,
      timing: 'periodic',
      period: 'quarterly',
      elements: '经费来源、支出项目、金额',
      legalBasis: LAW,
    }),
    entry('经费收支', '专项经费', '服务群众专项经费使用情况', {
      ...B,
      timing: 'periodic',
      period: 'quarterly',
      elements: '项目名称、金额、受益对象、实施情况',
      legalBasis: LAW,
    }),
    entry('经费收支', '社会捐赠', '接受社会捐赠款物及使用情况', {
      ...B,
      timing: 'immediate',
      legalBasis: LAW,
    }),
  ],
};
