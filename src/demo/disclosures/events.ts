import type { Audience, DisclosurePeriod } from '../../db/types.ts';
import { addDays, amount, cnDate, maskName, ol, p, personName, table, wan, yuan } from './text.ts';
import type { Content, ItemContext, Template } from './types.ts';

/**
 * One-off items (即时/逐段/长期 entries, and a few current-period ones) of the demo year: who, which
 * catalog entry, when (a fraction of the unit's time on the platform: 0 = the day it joined,
 * 1 = the seed's clock), the text, and what happened to it afterwards.
 */
export interface EventSpec {
  unit: string;
  /** The entry's item (guiding entry of the unit's kind, or the unit's own entry). */
  item: string;
  at: number;
  make: Template;
  /** Periodic entry (of this period kind): the current period, published early, fulfils it on time. */
  currentPeriod?: DisclosurePeriod;
  audience?: Audience;
  /** A changed version (变更说明) some days later. */
  revise?: { days: number; note: string; change: (c: ItemContext, first: Content) => Content };
  /** Revoked some days later, with the reason (exactly one in the demo). */
  revoke?: { days: number; reason: string };
  /** 不予公开: filed with reason and basis; reviewed again after reviewInDays. */
  withheld?: { reason: string; basis: string; reviewInDays: number };
  /** Left in the workflow at the seed's clock, for the demo accounts to pick up. */
  state?: 'draft' | 'submitted' | 'reviewed' | 'returned';
  returnReason?: string;
}

const nextYear = (c: ItemContext) => Number(c.day.slice(0, 4)) + 1;
const year = (c: ItemContext) => Number(c.day.slice(0, 4));
const month = (c: ItemContext) => Number(c.day.slice(5, 7));

const biddingResult =
  (project: string): Template =>
  (c) => {
    const budget = amount(c.rng, 280000, 860000);
    const price = Math.round(budget * (0.9 + c.rng.next() * 0.06));
    const company = `青山县${c.rng.pick(['宏达', '鑫源', '华建', '盛达', '广厦'])}建筑工程有限公司`;
    return {
      title: `${c.short}${project}招投标结果公示`,
      body: [
        p(
          `${c.short}${project}经村民代表会议决议实施，委托县公共资源交易中心采用${c.rng.pick(['公开招标', '竞争性谈判', '竞争性磋商'])}方式确定施工单位，${cnDate(c.decided)}开标，现将结果公示如下：`,
        ),
        table(
          '招投标结果',
          ['项目', '内容'],
          [
            ['项目名称', `${c.short}${project}`],
            ['预算金额', `${yuan(budget)}元`],
            ['中标单位', company],
            ['中标价', `${yuan(price)}元`],
            ['工期', `${c.rng.int(60, 150)}日历天`],
          ],
        ),
        p('公示期3个工作日。对公示结果有异议的，请在公示期内以书面形式向村务监督委员会或镇纪委反映。'),
      ].join(''),
    };
  };

const oneMatterOneDiscussion =
  (project: string): Template =>
  (c) => {
    const households = c.rng.int(180, 420);
    const per = c.rng.pick([30, 40, 50]);
    return {
      title: `关于${c.short}${project}“一事一议”筹资筹劳方案的公示`,
      body: [
        p(
          `为改善群众出行和生产生活条件，经${cnDate(c.decided)}村民代表会议讨论，${c.unit}拟实施${project}，采取“一事一议”方式筹资筹劳，方案如下：`,
        ),
        ol([
          `筹资标准：每人${per}元，全村应筹资${households * 3}人，共计${yuan(per * households * 300)}元；`,
          `筹劳标准：每个劳动力每年不超过${c.rng.int(3, 5)}个工日，可以资代劳；`,
          '五保户、低保户、重度残疾人免于筹资筹劳；',
          `项目总投资约${wan(amount(c.rng, 300000, 900000))}，不足部分申请上级财政奖补。`,
        ]),
        p('方案已报镇农村经济管理服务中心审核。公示期7天，村民如有意见请向村民委员会提出。'),
      ].join(''),
    };
  };

const assemblyResolution: Template = (c) => ({
  title: `${c.short}村民代表会议决议公告（${year(c)}年第${c.rng.int(5, 9)}号）`,
  body: [
    p(
      `${cnDate(c.decided)}，${c.unit}召开村民代表会议，应到代表${c.rng.int(31, 39)}人，实到超过三分之二。会议表决通过以下事项：`,
    ),
    ol(
      c.rng.some(
        [
          '同意申报村级集体经济发展项目（高标准油茶基地），项目资金由上级扶持；',
          '通过村内河道“河长制”保洁管护办法；',
          '同意将村小学闲置校舍改建为村级综合服务中心；',
          '通过本年度困难群众冬季慰问对象名单（已在村务公开栏公示）；',
          '同意实施农村饮水安全巩固提升工程；',
          '通过村庄规划（征求意见稿），报镇政府审查。',
        ],
        3,
      ),
    ),
  ].join(''),
});

const landContract: Template = (c) => ({
  title: `${c.short}集体机动地承包经营方案公示`,
  body: [
    p(
      `经${cnDate(c.decided)}村民代表会议讨论通过，${c.unit}拟将集体机动地${c.rng.int(20, 80)}亩对外发包，方案如下：`,
    ),
    ol([
      '发包方式：公开竞价，同等条件下本集体经济组织成员优先；',
      `承包期限：${year(c)}年${month(c)}月起${c.rng.pick([5, 6, 8])}年；`,
      `底价：每亩每年${c.rng.int(380, 520)}元，租金逐年交纳；`,
      '用途：限于农业生产，不得改变土地用途、不得撂荒。',
    ]),
  ].join(''),
});

const assetLease =
  (what: string): Template =>
  (c) => ({
    title: `关于${c.short}${what}对外租赁的公告`,
    body: p(
      `经村民代表会议表决同意，${c.unit}将${what}（建筑面积约${c.rng.int(300, 1200)}平方米）通过县农村产权交易平台公开招租，租期${c.rng.int(3, 5)}年，挂牌底价每年${yuan(amount(c.rng, 20000, 60000))}元。`,
      `报名时间：${cnDate(c.day)}起10个工作日内。租金收入纳入村集体账户统一管理，并按月公开。`,
    ),
  });

const compensation =
  (project: string): Template =>
  (c) => {
    const total = amount(c.rng, 600000, 2400000);
    return {
      title: `${c.short}${project}征地补偿费分配方案公示`,
      body: [
        p(
          `${project}涉及${c.unit}集体土地${c.rng.int(20, 90)}亩，征地补偿费${yuan(total)}元已足额拨付至村集体账户。经村民会议讨论，分配方案如下：`,
        ),
        table(
          '分配方案（单位：元）',
          ['项目', '金额'],
          [
            ['被征地农户土地补偿（按面积分配）', yuan(Math.round(total * 0.8))],
            ['村集体留存（用于公益事业和发展集体经济）', yuan(total - Math.round(total * 0.8))],
          ],
        ),
        p('各户分配明细已在村务公开栏张贴。公示期7天，无异议后发放至农户社保卡账户。'),
      ].join(''),
    };
  };

const memberCandidate =
  (stage: '发展对象' | '预备党员' | '转正'): Template =>
  (c) => {
    const name = personName(c.rng);
    const born = `${c.rng.int(1986, 2001)}年${c.rng.int(1, 12)}月`;
    const what =
      stage === '发展对象'
        ? '确定为发展对象'
        : stage === '预备党员'
          ? '接收为中共预备党员'
          : '按期转为中共正式党员';
    return {
      title: `关于拟将${name}同志${what}的公示`,
      body: [
        p(
          `经${c.self}支部委员会研究${stage === '预备党员' ? '、支部党员大会讨论' : ''}，拟将${name}同志${what}，现将有关情况公示如下：`,
        ),
        p(
          `${name}，${c.rng.pick(['男', '女'])}，汉族，${born}出生，${c.rng.pick(['大专', '本科', '高中', '中专'])}文化，${c.rng.pick(['返乡创业青年', '村民小组长', '家庭农场经营者', '村（社区）后备干部', '乡村医生'])}。${year(c) - c.rng.int(3, 5)}年递交入党申请书，${year(c) - c.rng.int(1, 2)}年被确定为入党积极分子。`,
        ),
        p(
          `公示时间：${cnDate(c.day)}至${cnDate(addDays(c.day, 7))}（5个工作日）。党员和群众如有意见，可通过来信、来访等方式向${c.self}或${c.town}党委组织办反映。`,
        ),
      ].join(''),
    };
  };

const officialDoc =
  (title: string, content: string[]): Template =>
  (c) => ({
    title: title
      .replaceAll('{unit}', c.unit)
      .replaceAll('{y}', String(year(c)))
      .replaceAll('{ny}', String(nextYear(c))),
    body: [
      p(`${c.self === '本局' || c.self === '本委' ? '各有关单位' : '各村（社区）、镇直各单位'}：`),
      ...content.map((x) => p(x.replaceAll('{unit}', c.unit).replaceAll('{y}', String(year(c))))),
      p(`${c.unit}`, cnDate(c.decided)),
    ].join(''),
  });

const permitResults: Template = (c) => {
  const kinds = [
    '食品经营许可',
    '建设工程施工许可',
    '公共场所卫生许可',
    '道路运输经营许可',
    '排水许可',
    '药品零售许可',
  ];
  const rows = Array.from({ length: c.rng.int(5, 8) }, (_, i) => [
    c.rng.pick(kinds),
    `青山县${c.rng.pick(['惠民', '乐购', '康健', '顺通', '兴旺', '佳和'])}${c.rng.pick(['商贸有限公司', '超市', '大药房', '运输有限公司', '餐饮店'])}`,
    `青政服许〔${year(c)}〕${String(c.rng.int(100, 999) + i)}号`,
    '准予许可',
  ]);
  return {
    title: `${c.short}${year(c)}年${month(c)}月行政许可办理结果公示`,
    body: [
      p(
        `根据《中华人民共和国行政许可法》有关规定，现将${year(c)}年${month(c)}月作出的行政许可决定公示如下：`,
      ),
      table('行政许可决定', ['许可事项', '被许可单位', '决定文号', '决定'], rows),
    ].join(''),
  };
};

const spotCheck: Template = (c) => ({
  title: `${c.short}${year(c)}年第${c.rng.int(2, 4)}批“双随机、一公开”抽查结果公示`,
  body: [
    p(
      `按照年度抽查计划，${c.self}随机抽取检查对象${c.rng.int(20, 45)}户，随机选派执法检查人员，现将抽查结果公示如下：`,
    ),
    table(
      '抽查结果',
      ['检查事项', '抽查户数', '未发现问题', '责令整改'],
      [
        ['食品经营主体', `${c.rng.int(8, 15)}`, `${c.rng.int(6, 12)}`, `${c.rng.int(1, 3)}`],
        ['特种设备使用单位', `${c.rng.int(3, 8)}`, `${c.rng.int(3, 7)}`, `${c.rng.int(0, 1)}`],
        ['产品质量', `${c.rng.int(4, 10)}`, `${c.rng.int(4, 9)}`, `${c.rng.int(0, 2)}`],
      ],
    ),
    p('责令整改的经营主体均已在规定期限内完成整改。'),
  ].join(''),
});

const projectProgress =
  (project: string): Template =>
  (c) => ({
    title: `${project}进展情况（截至${year(c)}年${month(c)}月）`,
    body: p(
      `${project}总投资${wan(amount(c.rng, 20_000_000, 180_000_000))}，${c.rng.pick(['已完成路基工程', '主体结构已封顶', '已完成管网铺设', '正在进行附属工程施工'])}，累计完成投资约${c.rng.int(35, 85)}%。`,
      `下一步将${c.rng.pick(['加快推进路面施工', '组织设备安装调试', '开展绿化和亮化施工', '做好竣工验收准备'])}，确保按期完工。施工期间给群众出行带来的不便，敬请谅解。`,
    ),
  });

const warning =
  (what: string, level: string): Template =>
  (c) => ({
    title: `关于${what}的${level}`,
    body: p(
      `据气象部门预报，${cnDate(c.day)}至${cnDate(addDays(c.day, 2))}我县${what.includes('森林') ? '持续晴热少雨，森林火险等级高' : '将出现强降雨过程，局部暴雨'}。`,
      `请各乡镇、各有关单位落实防范措施，${what.includes('森林') ? '严禁野外用火，加强巡山护林' : '加强地质灾害隐患点、山塘水库和低洼地段巡查，必要时及时转移危险区域群众'}，发现险情立即报告。`,
    ),
  });

/** The demo year's one-off items. */
export const EVENTS: EventSpec[] = [
  // 桃源村 (staffed: 黄小燕 → 钟明华 → 赖永福).
  {
    unit: 'QS-V-TAOYUAN-01',
    item: '“一事一议”筹资筹劳及使用情况',
    at: 0.2,
    make: oneMatterOneDiscussion('村组道路硬化工程'),
  },
  {
    unit: 'QS-V-TAOYUAN-01',
    item: '集体建设项目招投标、预决算情况',
    at: 0.45,
    make: biddingResult('村内道路提升工程'),
    revise: {
      days: 3,
      note: '原公示中标单位名称有误，“宏达建筑工程有限公司”应为“华建建筑工程有限公司”，予以更正，公示期相应顺延。',
      change: (_c, first) => ({
        title: `${first.title}（更正）`,
        body: `${first.body.replace(/青山县[\u4e00-\u9fa5]{2}建筑工程有限公司/, '青山县华建建筑工程有限公司')}<p>更正说明：中标单位名称更正，其他内容不变。</p>`,
      }),
    },
  },
  { unit: 'QS-V-TAOYUAN-01', item: '土地承包经营方案', at: 0.3, make: landContract },
  {
    unit: 'QS-V-TAOYUAN-01',
    item: '涉及本村村民利益、村民普遍关心的其他事项',
    at: 0.7,
    make: (c) => ({
      title: `关于${c.short}自来水管网改造期间临时停水的通知`,
      body: p(
        `因农村饮水安全巩固提升工程施工，${c.short}${c.rng.pick(['上屋、下屋', '新村、老村', '东坑、西坑'])}村民小组将于${cnDate(addDays(c.day, 3))}8:00至18:00临时停水，请村民提前储水。`,
        '施工期间如遇问题，请到村委会或联系村民小组长。',
      ),
    }),
  },
  {
    unit: 'QS-V-TAOYUAN-01',
    item: '村庄人居环境整治项目进展',
    at: 0.55,
    make: (c) => ({
      title: `${c.short}人居环境整治项目进展情况（第${c.rng.int(2, 3)}期）`,
      body: p(
        `${c.short}人居环境整治项目包括村庄主干道绿化、污水管网接户和公共厕所改造三项内容，资金来源为上级奖补资金${wan(amount(c.rng, 300000, 600000))}和村集体自筹。`,
        `目前绿化工程已完工，污水管网完成接户${c.rng.int(120, 260)}户，公厕改造正在施工，预计下月完成并组织验收。`,
      ),
    }),
  },
  {
    unit: 'QS-V-TAOYUAN-01',
    item: '“一事一议”筹资筹劳及使用情况',
    at: 0.985,
    make: (c) => ({
      title: `关于${c.short}${nextYear(c)}年度村组道路路灯安装“一事一议”筹资方案（草稿）`,
      body: p(
        `拟于${nextYear(c)}年实施村组道路路灯安装项目，安装太阳能路灯约${c.rng.int(60, 120)}盏。筹资标准待村民代表会议讨论确定。`,
        '（草稿：待补充项目预算和上级奖补资金测算。）',
      ),
    }),
    state: 'draft',
  },
  // 杏花村、桃源社区 (drafted by 桃源镇公开办).
  {
    unit: 'QS-V-TAOYUAN-02',
    item: '以借贷、租赁或者其他方式处分村集体财产',
    at: 0.35,
    make: assetLease('集体闲置厂房'),
  },
  {
    unit: 'QS-V-TAOYUAN-02',
    item: '征地补偿费收入及分配情况',
    at: 0.6,
    make: compensation('桃源至龙泉公路改建工程'),
  },
  {
    unit: 'QS-V-TAOYUAN-02',
    item: '本村公益事业的兴办和筹资筹劳方案及建设承包方案',
    at: 0.8,
    make: oneMatterOneDiscussion('文化广场建设项目'),
  },
  {
    unit: 'QS-C-TAOYUAN-01',
    item: '社区代办服务事项、办理流程和联系方式',
    at: 0.05,
    make: (c) => ({
      title: `${c.short}代办服务事项清单`,
      body: [
        p(`${c.short}党群服务中心为辖区居民提供以下代办服务，工作时间为工作日8:30—17:30：`),
        ol([
          '城乡居民医疗保险参保登记',
          '高龄津贴申领',
          '残疾人两项补贴申请',
          '居住证办理材料收取',
          '就业失业登记',
        ]),
      ].join(''),
    }),
  },
  {
    unit: 'QS-C-TAOYUAN-01',
    item: '救灾救助资金、物资及社会捐赠的分配使用情况',
    at: 0.5,
    make: (c) => ({
      title: `${c.short}防汛救灾物资分配使用情况公示`,
      body: p(
        `汛期${c.short}接收镇政府调拨防汛物资：编织袋${c.rng.int(500, 1500)}条、救生衣${c.rng.int(20, 60)}件、应急照明灯${c.rng.int(10, 30)}盏，已全部登记入库。`,
        `其中发放给受灾居民${c.rng.int(5, 20)}户的大米、食用油等生活物资，分配名单已在社区公开栏公示（隐去身份证号码等个人信息）。`,
      ),
    }),
  },
  // Villages and communities that joined this month.
  {
    unit: 'QS-V-TAOYUAN-03',
    item: '集体建设项目招投标、预决算情况',
    at: 0.3,
    make: biddingResult('灌溉水渠改造工程'),
  },
  {
    unit: 'QS-V-TAOYUAN-04',
    item: '涉及本村村民利益、村民普遍关心的其他事项',
    at: 0.5,
    make: assemblyResolution,
  },
  {
    unit: 'QS-V-LONGQUAN-01',
    item: '“一事一议”筹资筹劳及使用情况',
    at: 0.4,
    make: oneMatterOneDiscussion('村内排水沟改造工程'),
  },
  { unit: 'QS-V-LONGQUAN-02', item: '土地承包经营方案', at: 0.6, make: landContract },
  {
    unit: 'QS-V-LONGQUAN-03',
    item: '政府拨付和接受社会捐赠的救灾救助、补贴补助等资金、物资的管理使用情况',
    at: 0.55,
    currentPeriod: 'quarterly',
    make: (c) => ({
      title: `${c.short}${c.label}低保评议结果公示`,
      body: [
        p(
          `${c.short}于${cnDate(c.decided)}召开低保民主评议会，评议结果公示如下（已隐去身份证号码等个人信息）：`,
        ),
        table(
          '评议结果',
          ['户主', '保障人数', '评议结果'],
          Array.from({ length: 4 }, () => [
            maskName(personName(c.rng)),
            `${c.rng.int(1, 4)}`,
            c.rng.pick(['新增', '续保', '续保', '退出（收入超标）']),
          ]),
        ),
      ].join(''),
    }),
  },
  {
    unit: 'QS-V-QINGXI-01',
    item: '村集体经济项目的立项、承包方案',
    at: 0.35,
    make: (c) => ({
      title: `${c.short}油茶种植基地集体经济项目立项及承包方案公示`,
      body: p(
        `经村民代表会议讨论，${c.short}拟利用集体荒山${c.rng.int(100, 300)}亩建设高产油茶基地，申请上级扶持资金${wan(amount(c.rng, 300000, 800000))}。`,
        '基地建成后通过公开竞标方式发包经营，承包收益归村集体所有，每年按比例用于村内公益事业。',
      ),
    }),
  },
  {
    unit: 'QS-V-QINGXI-02',
    item: '征地补偿费的使用、分配方案',
    at: 0.65,
    make: compensation('清溪河堤防加固工程'),
  },
  {
    unit: 'QS-V-QINGXI-03',
    item: '集体建设项目招投标、预决算情况',
    at: 0.45,
    make: biddingResult('村部综合服务中心修缮工程'),
  },
  {
    unit: 'QS-V-SHIGANG-01',
    item: '涉及本村村民利益、村民普遍关心的其他事项',
    at: 0.5,
    make: assemblyResolution,
  },
  {
    unit: 'QS-V-SHIGANG-02',
    item: '宅基地的使用方案',
    at: 0.6,
    make: (c) => ({
      title: `${c.short}${year(c)}年第${c.rng.int(2, 4)}批农村宅基地申请审查结果公示`,
      body: table(
        '宅基地申请',
        ['申请户', '位置', '面积（㎡）', '村级审查意见'],
        Array.from({ length: 3 }, () => [
          personName(c.rng),
          `${c.rng.pick(['上坪', '下坪', '岭背', '塘边'])}村民小组`,
          `${c.rng.int(90, 120)}`,
          '符合“一户一宅”规定，同意上报',
        ]),
      ),
    }),
  },
  {
    unit: 'QS-V-YUNLING-01',
    item: '“一事一议”筹资筹劳及使用情况',
    at: 0.45,
    make: oneMatterOneDiscussion('茶园机耕道建设项目'),
  },
  {
    unit: 'QS-V-YUNLING-03',
    item: '集体资产资源发包、租赁、出让、投资及收益（亏损）情况',
    at: 0.5,
    make: assetLease('集体竹林'),
  },
  {
    unit: 'QS-V-MEILIN-01',
    item: '以借贷、租赁或者其他方式处分村集体财产',
    at: 0.4,
    make: assetLease('原村小学校舍'),
  },
  {
    unit: 'QS-V-MEILIN-02',
    item: '村民委员会协助人民政府开展工作的情况',
    at: 0.7,
    currentPeriod: 'quarterly',
    make: (c) => ({
      title: `${c.short}${c.label}协助政府开展工作情况`,
      body: p(
        `${c.label}，${c.short}协助乡政府开展秋冬季森林防火宣传、城乡居民医保征缴和冬春救助需求摸底，已入户${c.rng.int(200, 400)}户。`,
      ),
    }),
  },
  {
    unit: 'QS-C-QINGSHAN-01',
    item: '居民会议讨论决定的涉及全体居民利益的事项及执行情况',
    at: 0.5,
    currentPeriod: 'quarterly',
    make: (c) => ({
      title: `${c.short}${c.label}居民议事会决定事项`,
      body: p(
        `${c.short}召开居民议事会，决定对辖区3个老旧小区实施雨污分流改造，并成立居民监督小组全程参与。`,
      ),
    }),
  },
  {
    unit: 'QS-C-LONGQUAN-01',
    item: '接受社会捐赠款物及使用情况',
    at: 0.4,
    make: (c) => ({
      title: `${c.short}接受社会捐赠款物及使用情况公示`,
      body: p(
        `${c.short}接受爱心企业捐赠助学金${yuan(amount(c.rng, 5000, 20000))}元，用于资助辖区困难家庭学生${c.rng.int(5, 15)}名，名单已在社区公开栏公示。`,
      ),
    }),
  },

  // 党支部 (桃源村党支部 staffed: 谢春花 → 罗丽 → 罗建国).
  {
    unit: 'QS-CPC-V-TAOYUAN-01',
    item: '党组织设置及班子成员分工',
    at: 0.03,
    make: (c) => ({
      title: `${c.short}组织设置及支委成员分工`,
      body: p(
        `${c.unit}下设党小组${c.rng.int(3, 5)}个，现有党员${c.rng.int(30, 48)}名。`,
        '支部委员会由5人组成：书记主持全面工作；副书记协助书记工作，负责宣传；组织委员负责组织发展和党员管理；纪检委员负责纪律检查和党费监督；宣传委员负责宣传思想和精神文明建设。',
      ),
    }),
  },
  { unit: 'QS-CPC-V-TAOYUAN-01', item: '发展党员工作情况', at: 0.25, make: memberCandidate('预备党员') },
  { unit: 'QS-CPC-V-TAOYUAN-01', item: '发展党员工作情况', at: 0.8, make: memberCandidate('转正') },
  {
    unit: 'QS-CPC-V-TAOYUAN-01',
    item: '其他应当公开的党务事项',
    at: 0.9,
    make: (c) => ({
      title: `关于开展${year(c)}年度党员冬训工作的安排`,
      body: p(
        `按照${c.town}党委部署，${c.self}将于近期开展党员冬训，采取集中学习、专题党课和入户走访相结合的方式，流动党员通过线上学习参加。`,
        '请各党小组于本月底前报送参训党员名单。',
      ),
    }),
  },
  {
    unit: 'QS-CPC-V-TAOYUAN-01',
    item: '发展党员工作情况',
    at: 0.975,
    make: memberCandidate('发展对象'),
    state: 'returned',
    returnReason: '公示内容缺少入党积极分子培养考察时间和支委会研究日期，请补充后重新提交。',
  },
  // 杏花村党支部 and 桃源社区党总支 (drafted by 县委组织部).
  {
    unit: 'QS-CPC-V-TAOYUAN-02',
    item: '党组织换届选举情况',
    at: 0.4,
    make: (c) => ({
      title: `${c.short}换届选举结果`,
      body: p(
        `${cnDate(c.decided)}，${c.unit}召开党员大会进行换届选举，应到党员${c.rng.int(30, 45)}名，实到超过五分之四。`,
        `会议选举产生新一届支部委员会委员5名，随后召开支委会选举产生书记、副书记，选举结果已报${c.town}党委审批。`,
      ),
    }),
  },
  { unit: 'QS-CPC-V-TAOYUAN-02', item: '发展党员工作情况', at: 0.6, make: memberCandidate('预备党员') },
  {
    unit: 'QS-CPC-C-TAOYUAN-01',
    item: '重点任务及推进落实情况',
    at: 0.5,
    make: (c) => ({
      title: `${c.short}“党建+网格”重点任务推进情况`,
      body: p(
        `${c.short}将辖区划分为${c.rng.int(6, 12)}个网格，每个网格配备党员网格员，开展政策宣传、矛盾调解和安全巡查。`,
        `今年以来收集居民诉求${c.rng.int(80, 200)}件，办结率${c.rng.int(95, 99)}%。`,
      ),
    }),
  },
  // Branches that joined this month.
  { unit: 'QS-CPC-V-LONGQUAN-01', item: '发展党员工作情况', at: 0.5, make: memberCandidate('发展对象') },
  {
    unit: 'QS-CPC-V-QINGXI-02',
    item: '“三会一课”开展情况',
    at: 0.6,
    currentPeriod: 'quarterly',
    make: (c) => ({
      title: `${c.short}${c.label}“三会一课”开展情况（阶段）`,
      body: p(
        `本季度已召开支委会${c.rng.int(2, 3)}次、党员大会1次，书记讲授专题党课1次，主题为“发挥党员先锋作用 助力乡村振兴”。`,
      ),
    }),
  },
  {
    unit: 'QS-CPC-V-SHIGANG-01',
    item: '党组织设置及班子成员分工',
    at: 0.3,
    make: (c) => ({
      title: `${c.short}组织设置及支委成员分工`,
      body: p(
        `${c.unit}现有党员${c.rng.int(25, 40)}名，设党小组3个。支委会由书记、组织委员、纪检委员、宣传委员组成，分工负责。`,
      ),
    }),
  },
  {
    unit: 'QS-CPC-V-MEILIN-01',
    item: '其他应当公开的党务事项',
    at: 0.6,
    make: (c) => ({
      title: `${c.short}关于开展走访慰问老党员活动的通知`,
      body: p(`${c.self}将于本月走访慰问${c.rng.int(5, 12)}名老党员和生活困难党员，请各党小组做好对接。`),
    }),
  },
  {
    unit: 'QS-CPC-C-QINGSHAN-01',
    item: '主题党日、党员学习教育培训情况',
    at: 0.7,
    currentPeriod: 'quarterly',
    make: (c) => ({
      title: `${c.short}${c.label}主题党日活动情况`,
      body: p(
        `${c.short}组织在职党员到社区报到，开展“清洁家园”志愿服务和政策宣讲，参加党员${c.rng.int(30, 60)}人次。`,
      ),
    }),
  },

  // 桃源镇 (staffed: 王丽萍 → 张伟 → 李国强).
  {
    unit: 'QS-TS-TAOYUAN',
    item: '行政规范性文件',
    at: 0.15,
    make: officialDoc('{unit}人民政府关于印发《{unit}农村人居环境长效管护办法》的通知', [
      '《{unit}农村人居环境长效管护办法》已经镇政府常务会议研究通过，现印发给你们，请结合实际认真贯彻执行。',
      '本办法自印发之日起施行，有效期5年。',
    ]),
  },
  {
    unit: 'QS-TS-TAOYUAN',
    item: '行政许可和其他对外管理服务事项',
    at: 0.5,
    make: (c) => ({
      title: `${c.short}${year(c)}年${month(c)}月乡村建设规划许可办理结果公示`,
      body: table(
        '乡村建设规划许可',
        ['申请人', '建设地点', '建设内容', '办理结果'],
        Array.from({ length: 4 }, () => [
          personName(c.rng),
          `${c.rng.pick(['桃源村', '杏花村', '柳溪村', '石门村', '上塘村'])}`,
          '农村村民住宅',
          '准予许可',
        ]),
      ),
    }),
  },
  {
    unit: 'QS-TS-TAOYUAN',
    item: '重大建设项目的批准和实施',
    at: 0.65,
    make: projectProgress('桃源大道提升改造工程'),
    revise: {
      days: 5,
      note: '根据监理单位月报，更正累计完成投资比例，并补充下一步工作安排。',
      change: (_c, first) => ({
        title: first.title,
        body: `${first.body}<p>（更正后）截至本月底累计完成投资约60%，人行道铺装工程计划下月开工。</p>`,
      }),
    },
  },
  {
    unit: 'QS-TS-TAOYUAN',
    item: '突发公共事件应急预案、预警信息及应对情况',
    at: 0.4,
    make: warning('做好强降雨防范应对工作', '紧急通知'),
  },
  {
    unit: 'QS-TS-TAOYUAN',
    item: '公务员招考录用',
    at: 0.2,
    make: (c) => ({
      title: `${c.short}${year(c)}年公开招聘村（社区）后备干部公告`,
      body: [
        p(
          `为加强村（社区）干部队伍建设，${c.short}面向社会公开招聘村（社区）后备干部${c.rng.int(6, 12)}名。`,
        ),
        ol([
          '报名条件：本镇户籍或长期在本镇居住，35周岁以下，大专及以上学历；',
          '报名时间：公告发布之日起7个工作日；',
          '考试方式：笔试和面试，按综合成绩择优确定人选。',
        ]),
      ].join(''),
    }),
  },
  {
    unit: 'QS-TS-TAOYUAN',
    item: '法律、法规、规章和国家有关规定要求公开的其他信息',
    at: 0.85,
    audience: 'unitInternal',
    make: (c) => ({
      title: `${c.short}机关干部节假日值班安排`,
      body: p(
        '节假日期间镇机关实行24小时值班和领导带班制度，值班人员须保持通讯畅通，遇突发事件按程序及时报告。',
        '值班表见镇党政办。',
      ),
    }),
  },
  {
    unit: 'QS-TS-TAOYUAN',
    item: '重大建设项目的批准和实施',
    at: 0.99,
    make: projectProgress('桃源镇中心小学综合楼建设项目'),
    state: 'submitted',
  },
  // Other townships (drafted by their offices, reviewed and approved by the county office).
  {
    unit: 'QS-TS-LONGQUAN',
    item: '贯彻落实农业农村政策情况',
    at: 0.3,
    make: (c) => ({
      title: `${c.short}${year(c)}年耕地地力保护补贴发放情况公示`,
      body: p(
        `${year(c)}年${c.short}耕地地力保护补贴面积${c.rng.int(18000, 32000)}亩，补贴标准每亩${c.rng.int(100, 125)}元，涉及农户${c.rng.int(3000, 6000)}户，补贴资金已通过“一卡通”发放到户。`,
        '各村发放明细已在村务公开栏公示（隐去身份证号码、银行账号等个人信息）。',
      ),
    }),
  },
  {
    unit: 'QS-TS-LONGQUAN',
    item: '行政处罚、行政强制的依据、条件、程序及决定',
    at: 0.6,
    make: (c) => ({
      title: `${c.short}关于违法占用耕地建房行政处罚决定的公示`,
      body: p(
        `经查，当事人未经批准擅自占用耕地${c.rng.int(80, 200)}平方米建设房屋，违反《中华人民共和国土地管理法》相关规定。`,
        '本机关依法作出责令限期拆除、恢复土地原状的行政处罚决定。当事人已自行拆除。',
      ),
    }),
  },
  {
    unit: 'QS-TS-QINGXI',
    item: '农田水利工程建设运营情况',
    at: 0.4,
    make: projectProgress('清溪镇高标准农田建设项目'),
  },
  {
    unit: 'QS-TS-QINGXI',
    item: '政府集中采购项目',
    at: 0.7,
    make: (c) => ({
      title: `${c.short}村级垃圾转运设备采购项目成交结果公告`,
      body: table(
        '成交结果',
        ['项目', '内容'],
        [
          ['采购方式', '竞争性磋商'],
          ['成交供应商', `${c.rng.pick(['江西绿洁', '青山环卫', '赣源环保'])}设备有限公司`],
          ['成交金额', `${yuan(amount(c.rng, 180000, 420000))}元`],
        ],
      ),
    }),
  },
  {
    unit: 'QS-TS-SHIGANG',
    item: '土地征收情况',
    at: 0.5,
    make: (c) => ({
      title: `${c.short}工业园区道路建设项目土地征收补偿安置方案公告`,
      body: p(
        `因工业园区道路建设需要，拟征收${c.short}石岗村、长岭村集体土地${c.rng.int(60, 150)}亩，征收批准文件已经有权机关批准。`,
        '补偿标准按省政府公布的区片综合地价执行，被征地农民纳入社会保障。公告期30日，期间可申请听证。',
      ),
    }),
  },
  {
    unit: 'QS-TS-SHIGANG',
    item: '宅基地使用情况审核',
    at: 0.8,
    make: (c) => ({
      title: `${c.short}${year(c)}年第${c.rng.int(2, 4)}批农村宅基地审批结果公示`,
      body: table(
        '审批结果',
        ['申请人', '所在村', '面积（㎡）', '结果'],
        Array.from({ length: 3 }, () => [
          personName(c.rng),
          c.rng.pick(['石岗村', '长岭村', '下洲村', '横江村']),
          `${c.rng.int(90, 120)}`,
          '批准',
        ]),
      ),
    }),
  },
  {
    unit: 'QS-TS-YUNLING',
    item: '扶贫、教育、医疗、社会保障、促进就业政策措施及实施情况',
    at: 0.3,
    make: (c) => ({
      title: `${c.short}防止返贫动态监测和帮扶政策明白卡`,
      body: ol([
        '监测对象：家庭人均纯收入低于监测标准、因病因灾等导致刚性支出较大的农户；',
        '申请方式：农户自主申报、村干部排查、部门信息比对预警；',
        `帮扶措施：产业帮扶、就业帮扶、健康帮扶、教育帮扶等，${c.short}已纳入监测对象${c.rng.int(20, 60)}户。`,
      ]),
    }),
  },
  {
    unit: 'QS-TS-YUNLING',
    item: '环境保护、公共卫生、安全生产、食品药品、产品质量监督检查情况',
    at: 0.6,
    make: (c) => ({
      title: `${c.short}安全生产大检查情况通报`,
      body: p(
        `${c.short}组织对辖区${c.rng.int(20, 40)}家企业和场所开展安全生产检查，发现隐患${c.rng.int(8, 20)}处，已整改${c.rng.int(6, 8)}处，其余限期整改。`,
      ),
    }),
  },
  {
    unit: 'QS-TS-MEILIN',
    item: '经济社会发展规划及相关政策',
    at: 0.2,
    make: (c) => ({
      title: `${c.short}乡村振兴规划（${year(c)}—${year(c) + 4}年）`,
      body: p(
        `规划提出，到${year(c) + 4}年，${c.short}特色产业（茶叶、油茶）种植面积达到${c.rng.int(15000, 30000)}亩，农村居民人均可支配收入年均增长6%以上。`,
      ),
    }),
  },
  {
    unit: 'QS-TS-MEILIN',
    item: '筹资筹劳情况',
    at: 0.7,
    make: (c) => ({
      title: `${c.short}${year(c)}年度“一事一议”筹资筹劳项目汇总公示`,
      body: p(
        `${year(c)}年${c.short}共有${c.rng.int(3, 6)}个村实施“一事一议”项目，村民筹资${wan(amount(c.rng, 100000, 300000))}，获上级财政奖补${wan(amount(c.rng, 300000, 900000))}。`,
      ),
    }),
  },
  {
    unit: 'QS-ST-QINGSHAN',
    item: '机构设置、职能及领导信息',
    at: 0.05,
    make: (c) => ({
      title: `${c.short}办事处机构职能`,
      body: p(
        `${c.short}办事处内设党政综合办公室、经济发展办公室、社会事务办公室、城市管理办公室、平安建设办公室，下辖东街、西街、南门、北关、新华5个社区。`,
        '办公时间：工作日上午8:00—12:00，下午14:30—17:30。',
      ),
    }),
  },
  {
    unit: 'QS-ST-QINGSHAN',
    item: '行政许可和其他对外管理服务事项',
    at: 0.55,
    make: (c) => ({
      title: `${c.short}${year(c)}年${month(c)}月便民服务事项办理结果`,
      body: p(
        `本月${c.short}便民服务中心共受理事项${c.rng.int(300, 700)}件，办结率100%，其中“一次办”事项占${c.rng.int(85, 96)}%。`,
      ),
    }),
  },
  {
    unit: 'QS-ST-QINGSHAN',
    item: '法律、法规、规章和国家有关规定要求公开的其他信息',
    at: 0.85,
    audience: 'unitInternal',
    make: (c) => ({
      title: `${c.short}机关干部职工年度体检安排`,
      body: p('机关干部职工年度体检分三批进行，请各办公室合理安排工作，按批次参加。'),
    }),
  },

  // 县财政局 (staffed: 周敏 → 吴海涛 → 徐志刚).
  {
    unit: 'QS-D-CZJ',
    item: '行政规范性文件',
    at: 0.3,
    make: officialDoc('青山县财政局关于印发《青山县县级财政专项资金管理办法》的通知', [
      '为规范县级财政专项资金管理，提高资金使用效益，我局制定了《青山县县级财政专项资金管理办法》，现印发给你们，请遵照执行。',
      '本办法自印发之日起施行，由县财政局负责解释。',
    ]),
  },
  {
    unit: 'QS-D-CZJ',
    item: '政府集中采购项目及实施情况',
    at: 0.6,
    make: (c) => ({
      title: `青山县${year(c)}年政府集中采购目录及限额标准执行情况`,
      body: p(
        `${year(c)}年以来，全县完成政府采购项目${c.rng.int(120, 260)}个，采购金额${wan(amount(c.rng, 50_000_000, 150_000_000))}，节约资金率${c.rng.int(3, 7)}%。`,
        '政府采购意向、采购公告和结果公告均在省政府采购网同步发布。',
      ),
    }),
  },
  {
    unit: 'QS-D-CZJ',
    item: '行政事业性收费项目及依据、标准',
    at: 0.1,
    make: () => ({
      title: '青山县行政事业性收费目录清单',
      body: p(
        '本县执行的行政事业性收费项目、收费依据和标准以省级收费目录清单为准，目录清单之外一律不得收费。',
        '清单实行动态调整，调整情况及时在本栏目公布。',
      ),
    }),
  },
  {
    unit: 'QS-D-CZJ',
    item: '部门主动公开的其他文件',
    at: 0.8,
    audience: 'unitInternal',
    make: (c) => ({
      title: `县财政局机关${year(c)}年度考核工作安排`,
      body: p('年度考核采取个人述职、民主测评和领导评价相结合的方式，请各股室于月底前报送考核材料。'),
    }),
  },
  {
    unit: 'QS-D-CZJ',
    item: '政府集中采购项目及实施情况',
    at: 0.98,
    make: (c) => ({
      title: `青山县财政局${nextYear(c)}年政府采购意向公开`,
      body: table(
        '采购意向',
        ['采购项目', '预算金额（万元）', '预计采购时间'],
        [
          ['财政业务一体化系统运维服务', `${c.rng.int(40, 90)}`, `${nextYear(c)}年3月`],
          ['预算绩效评价第三方服务', `${c.rng.int(20, 60)}`, `${nextYear(c)}年5月`],
        ],
      ),
    }),
    state: 'reviewed',
  },
  // Other pilot departments (drafted by 县政府办政务公开科).
  {
    unit: 'QS-D-FGW',
    item: '重大建设项目批准和实施信息',
    at: 0.35,
    make: projectProgress('青山县城南片区综合开发项目'),
  },
  {
    unit: 'QS-D-FGW',
    item: '重大建设项目批准和实施信息',
    at: 0.75,
    make: projectProgress('青山县城乡供水一体化工程'),
  },
  {
    unit: 'QS-D-JYJ',
    item: '行政规范性文件',
    at: 0.4,
    make: officialDoc('青山县教育局关于印发《青山县义务教育阶段学校招生入学工作实施方案》的通知', [
      '现将《青山县义务教育阶段学校招生入学工作实施方案》印发给你们，请认真组织实施。',
      '各学校要严格落实免试就近入学规定，招生计划、划片范围和录取结果向社会公开。',
    ]),
  },
  {
    unit: 'QS-D-JYJ',
    item: '新闻发布会及发布内容',
    at: 0.7,
    make: (c) => ({
      title: `青山县${year(c)}年秋季学期教育工作新闻发布会`,
      body: p(
        `县教育局介绍了秋季学期学位供给、“双减”落实和校园安全等情况。今年秋季全县新增学位${c.rng.int(800, 1600)}个。`,
      ),
    }),
  },
  {
    unit: 'QS-D-MZJ',
    item: '部门主动公开的其他文件',
    at: 0.5,
    make: (c) => ({
      title: `关于提高${year(c)}年城乡居民最低生活保障标准的通知`,
      body: p(
        `经县政府同意，自${year(c)}年${month(c)}月起，城市低保标准由每人每月790元提高到820元，农村低保标准由每人每年6600元提高到7000元。`,
        '各乡镇（街道）要及时调整发放，确保提标资金按时足额发放到位。',
      ),
    }),
  },
  {
    unit: 'QS-D-RSJ',
    item: '公务员及事业单位招考录用信息',
    at: 0.45,
    make: (c) => ({
      title: `${year(c)}年青山县事业单位公开招聘工作人员公告`,
      body: p(
        `经县委编委、县人社局批准，${year(c)}年全县事业单位公开招聘工作人员${c.rng.int(60, 120)}名，报名采取网上报名方式。`,
        '具体岗位、资格条件见附表。',
      ),
    }),
    revoke: {
      days: 4,
      reason: '接市人社局通知，全市事业单位公开招聘统一调整笔试时间，本公告撤销，调整后的招聘公告另行发布。',
    },
  },
  {
    unit: 'QS-D-RSJ',
    item: '公务员及事业单位招考录用信息',
    at: 0.5,
    make: (c) => ({
      title: `${year(c)}年青山县事业单位公开招聘工作人员公告（调整后）`,
      body: p(
        `按照全市统一部署，${year(c)}年全县事业单位公开招聘工作人员，笔试时间调整为全市统一时间。`,
        '已在原公告期间报名的考生无需重复报名。',
      ),
    }),
  },
  {
    unit: 'QS-D-NYJ',
    item: '部门主动公开的其他文件',
    at: 0.3,
    make: () => ({
      title: '关于切实做好春耕生产工作的通知',
      body: p(
        '各乡镇要抓好种子、化肥、农药等农资供应和市场监管，组织农技人员下村指导，确保粮食播种面积稳定。',
      ),
    }),
  },
  {
    unit: 'QS-D-SCJG',
    item: '随机抽查事项清单',
    at: 0.05,
    make: () => ({
      title: '青山县市场监督管理局随机抽查事项清单',
      body: table(
        '抽查事项',
        ['抽查事项', '抽查依据', '抽查方式'],
        [
          ['食品经营许可事项检查', '《中华人民共和国食品安全法》', '现场检查'],
          ['特种设备使用检查', '《中华人民共和国特种设备安全法》', '现场检查'],
          ['企业公示信息检查', '《企业信息公示暂行条例》', '书面检查、网络监测'],
        ],
      ),
    }),
  },
  { unit: 'QS-D-SCJG', item: '随机抽查结果及查处情况', at: 0.35, make: spotCheck },
  { unit: 'QS-D-SCJG', item: '随机抽查结果及查处情况', at: 0.8, make: spotCheck },
  { unit: 'QS-D-ZWFW', item: '行政许可办理结果公示', at: 0.2, make: permitResults },
  { unit: 'QS-D-ZWFW', item: '行政许可办理结果公示', at: 0.55, make: permitResults },
  { unit: 'QS-D-ZWFW', item: '行政许可办理结果公示', at: 0.88, make: permitResults },
  {
    unit: 'QS-D-ZWFW',
    item: '政府信息公开指南和政府信息公开目录',
    at: 0.08,
    make: () => ({
      title: '青山县政务服务管理局政府信息公开指南',
      body: p(
        '本指南所称政府信息，是指本局在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息。',
        '公民、法人或者其他组织可以通过本机关门户网站、政务服务中心查阅主动公开的政府信息，也可以依法申请获取相关政府信息。',
      ),
    }),
  },
  // Departments that joined this month.
  {
    unit: 'QS-D-ZRZYJ',
    item: '部门主动公开的其他文件',
    at: 0.5,
    make: () => ({
      title: '关于城东片区土地征收补偿测算情况的报告（研究稿）',
      body: p('本报告为城东片区土地征收补偿标准的内部测算稿，尚在研究论证中。'),
    }),
    withheld: {
      reason: '该报告为征收补偿标准研究过程中的内部测算材料，尚未形成正式决定，公开可能引发误解。',
      basis: '《中华人民共和国政府信息公开条例》第十六条第二款（过程性信息）',
      reviewInDays: 90,
    },
  },
  {
    unit: 'QS-D-ZJJ',
    item: '部门干部任前公示和任免信息',
    at: 0.4,
    make: (c) => ({
      title: '干部任前公示',
      body: p(
        `经县委研究，拟任用${personName(c.rng)}同志为县住房和城乡建设局副局长。公示期5个工作日。`,
        '对公示对象有情况反映的，可向县委组织部干部监督机构反映。',
      ),
    }),
  },
  {
    unit: 'QS-D-JTJ',
    item: '重大建设项目批准和实施信息',
    at: 0.5,
    make: projectProgress('县道青桃线改建工程'),
  },
  {
    unit: 'QS-D-SLJ',
    item: '部门主动公开的其他文件',
    at: 0.3,
    make: () => ({
      title: '关于开展冬春农田水利基本建设和山塘水库安全隐患排查的通知',
      body: p(
        '各乡镇要结合实际，组织开展渠道清淤、山塘整修和小型水库安全隐患排查，建立问题清单，限期整改到位。',
        '排查整改情况请于月底前报县水利局。',
      ),
    }),
  },
  {
    unit: 'QS-D-WJW',
    item: '部门主动公开的其他文件',
    at: 0.6,
    make: () => ({
      title: '秋冬季呼吸道传染病防控健康提示',
      body: p(
        '秋冬季是流感等呼吸道传染病高发季节，请广大群众勤洗手、常通风，出现发热等症状及时就医。',
        '老年人、儿童等重点人群可到就近接种点接种流感疫苗。',
      ),
    }),
  },
  {
    unit: 'QS-D-YJJ',
    item: '突发公共事件应急预案',
    at: 0.2,
    make: () => ({
      title: '青山县自然灾害救助应急预案',
      body: p(
        '本预案适用于本县行政区域内发生自然灾害的救助工作，明确了组织指挥体系、应急响应分级和灾后救助措施。',
      ),
    }),
  },
  {
    unit: 'QS-D-LYJ',
    item: '突发公共事件预警信息及应对情况',
    at: 0.7,
    make: warning('森林火险橙色预警', '预警信息'),
  },
  {
    unit: 'QS-D-YBJ',
    item: '部门主动公开的其他文件',
    at: 0.45,
    make: (c) => ({
      title: `关于做好${nextYear(c)}年度城乡居民基本医疗保险集中参保缴费工作的通知`,
      body: p(
        `${nextYear(c)}年度城乡居民医保集中缴费期为即日起至${nextYear(c)}年2月底，缴费标准按省定标准执行。`,
        '参保群众可通过手机银行、税务APP或到村（社区）代缴点缴费。',
      ),
    }),
  },
  {
    unit: 'QS-D-TYJ',
    item: '部门主动公开的其他文件',
    at: 0.6,
    make: () => ({
      title: '关于退役军人优待证申领办理的公告',
      body: p('符合条件的退役军人可通过线上或到乡镇（街道）退役军人服务站申领优待证，免收费用。'),
    }),
  },
  {
    unit: 'QS-D-WLJ',
    item: '新闻发布会及发布内容',
    at: 0.55,
    make: (c) => ({
      title: `青山县“${c.rng.pick(['红色青山', '山水青山', '茶香青山'])}”文化旅游季新闻发布会`,
      body: p('县文化和旅游局发布文化旅游季系列活动安排，包括茶文化节、乡村音乐会和非遗展演。'),
    }),
  },
];

/** Convenience for tests: every event item (so the data file and the catalogs agree). */
export const EVENT_ITEMS = [...new Set(EVENTS.map((e) => e.item))];
