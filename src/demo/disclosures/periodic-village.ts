import { incomeBody, ledgerBody } from './finance.ts';
import { amount, CN_NUM, cnDate, maskName, ol, p, personName, table, wan, yuan } from './text.ts';
import type { Template } from './types.ts';

/** 村务公开 and 村级财务公开 (villages), 居务 and 社区财务 (communities): one template per periodic entry. */
export const VILLAGE_PERIODIC: Record<string, Template> = {
  村集体各项收入明细: (c) => ({
    title: `${c.short}${c.year}年${c.month}月村集体收入明细公开`,
    body: c.ledger ? incomeBody(c.ledger) : p('本月无收入。'),
  }),
  村集体各项支出明细: (c) => ({
    title: `${c.short}${c.year}年${c.month}月财务收支明细公开`,
    body: c.ledger ? ledgerBody(c.ledger) : p('本月无支出。'),
  }),
  享受误工补贴的人员及补贴标准: (c) => {
    const posts = [
      ['村党支部书记、村委会主任', 3200],
      ['村委会副主任', 2400],
      ['村务监督委员会主任', 2000],
      ['村委会委员（妇女主任）', 1900],
      ['村报账员', 1800],
    ] as const;
    const rows = posts.map(([post, base]) => {
      const perf = c.rng.int(2, 6) * 100;
      return [post, `${base}`, `${perf}`, `${(base + perf) * 3}`];
    });
    const total = rows.reduce((s, r) => s + Number(r[3]), 0);
    return {
      title: `${c.short}${c.label}村干部误工补贴发放情况公示`,
      body: [
        p(
          `根据镇党委、镇政府关于村干部基本报酬和绩效考核的规定，经村民代表会议审议，现将${c.self}${c.label}享受误工补贴的人员岗位、补贴标准及发放情况公示如下：`,
        ),
        table('误工补贴发放情况（单位：元）', ['岗位', '月基本补贴', '月绩效补贴', '本季度合计'], rows, [
          '合计',
          '',
          '',
          `${total}`,
        ]),
        p(
          '补贴资金由镇财政所统一核拨至个人账户，未从村集体经营收入中列支。公示期间如有异议，请向村务监督委员会反映。',
        ),
      ].join(''),
    };
  },
  从村集体经济所得收益的使用: (c) => {
    const got = amount(c.rng, 18000, 46000);
    const uses = [
      ['村内公益设施维护', Math.round(got * 0.35)],
      ['困难群众帮扶', Math.round(got * 0.15)],
      ['村庄环境卫生保洁', Math.round(got * 0.2)],
    ];
    const kept = got - uses.reduce((s, u) => s + Number(u[1]), 0);
    return {
      title: `${c.short}${c.label}集体经济收益使用情况公开`,
      body: [
        p(
          `${c.label}，${c.self}集体经济收益共计${yuan(got)}元，主要来源为${c.rng.pick(['村光伏电站发电收益和店面租金', '集体山林承包费和鱼塘承包费', '村集体合作社入股分红和厂房租金'])}。经村“两委”提议、村民代表会议表决通过，使用情况如下：`,
        ),
        table(
          '收益使用情况（单位：元）',
          ['用途', '金额'],
          [...uses.map(([k, v]) => [String(k), yuan(Number(v))]), ['结转下季度使用', yuan(kept)]],
          ['合计', yuan(got)],
        ),
      ].join(''),
    };
  },
  村民会议认为应当由村民会议讨论决定的其他事项: (c) => {
    const n = c.rng.int(28, 41);
    const items = c.rng.some(
      [
        '通过《村规民约》修订稿，增加移风易俗、红白喜事简办相关条款；',
        '同意将村部旁闲置仓库改建为老年人日间照料中心，所需资金申请上级补助；',
        '确定村庄保洁员人选2名，保洁费用由村集体收入列支；',
        '同意实施村组道路路灯安装项目，采取“一事一议”方式筹资；',
        '通过村集体林地继续委托合作社经营管理的方案；',
        '同意开展高标准农田建设项目，由镇政府统一组织实施；',
        '确定本年度农村人居环境整治“红黑榜”评比办法；',
        '通过村级防汛抗旱应急预案修订稿。',
      ],
      3,
    );
    return {
      title: `${c.short}村民代表会议决议公告（${c.year}年第${c.quarter}号）`,
      body: [
        p(
          `${cnDate(c.decided)}，${c.self}召开村民代表会议，应到村民代表${n + 2}人，实到${n}人，超过三分之二，符合《中华人民共和国村民委员会组织法》规定。镇驻村干部列席会议。会议经讨论表决，形成决议如下：`,
        ),
        ol(items),
        p('以上决议自公告之日起执行。村民对决议事项有意见建议的，可向村民委员会或村务监督委员会提出。'),
      ].join(''),
    };
  },
  国家计划生育政策的落实方案: (c) => {
    const a = c.rng.int(6, 19);
    const b = c.rng.int(2, 7);
    return {
      title: `${c.short}${c.label}计划生育奖励扶助政策落实情况公示`,
      body: [
        p(`现将${c.self}${c.label}计划生育家庭奖励扶助等政策落实情况公示如下：`),
        table(
          '政策落实情况',
          ['项目', '对象户数', '标准', '落实情况'],
          [
            ['农村部分计划生育家庭奖励扶助', `${a}`, '每人每年960元', '已按季度发放'],
            ['计划生育家庭特别扶助', `${b}`, '按省定标准执行', '已全部纳入'],
            ['育儿补贴申领指导', `${c.rng.int(3, 12)}`, '按国家规定', '已入户宣传并指导申领'],
          ],
        ),
        p('享受对象名单已在村务公开栏张贴（隐去身份证号码等个人信息），公示期7天。'),
      ].join(''),
    };
  },
  '政府拨付和接受社会捐赠的救灾救助、补贴补助等资金、物资的管理使用情况': (c) => {
    const households = Array.from({ length: c.rng.int(4, 7) }, () => {
      const persons = c.rng.int(1, 4);
      return [
        maskName(personName(c.rng)),
        `${persons}`,
        c.rng.pick(['A类', 'B类', 'C类']),
        `${persons * c.rng.pick([420, 450, 480])}`,
      ];
    });
    return {
      title: `${c.short}${c.label}低保评议结果及救助资金发放情况公示`,
      body: [
        p(
          `根据《社会救助暂行办法》和县民政局工作要求，${c.self}于${cnDate(c.decided)}召开民主评议会，对新申请及动态复核的最低生活保障对象进行评议，评议结果及本季度救助资金发放情况公示如下（已隐去身份证号码、银行账号等个人信息）：`,
        ),
        table('低保评议结果', ['户主', '保障人数', '分类', '月保障金（元）'], households),
        p(
          `本季度发放临时救助${c.rng.int(1, 4)}户、资金${yuan(amount(c.rng, 1500, 6000))}元，发放防寒物资（棉被）${c.rng.int(5, 20)}床。公示期7天，如有异议，可向村民委员会或镇社会事务办反映。`,
        ),
      ].join(''),
    };
  },
  村民委员会协助人民政府开展工作的情况: (c) => ({
    title: `${c.short}${c.label}协助政府开展工作情况`,
    body: [
      p(`${c.label}，${c.self}协助镇人民政府开展以下工作：`),
      ol(
        c.rng.some(
          [
            `城乡居民医疗保险征缴，已参保${c.rng.int(1200, 2300)}人，参保率${c.rng.int(96, 99)}%；`,
            `森林防火宣传和巡查，组织巡查${c.rng.int(20, 60)}人次；`,
            '汛期地质灾害隐患点排查和危旧房屋人员转移演练；',
            `耕地地力保护补贴面积核实，涉及${c.rng.int(300, 700)}户；`,
            '农村人居环境整治和“门前三包”检查评比；',
            '退役军人信息采集和走访慰问；',
            '防范电信网络诈骗入户宣传；',
            '秸秆禁烧巡查和宣传。',
          ],
          4,
        ),
      ),
    ].join(''),
  }),
  村务监督委员会监督情况: (c) => ({
    title: `${c.short}村务监督委员会${c.label}监督情况报告`,
    body: p(
      `${c.label}，${c.self}村务监督委员会列席村“两委”会议${c.rng.int(3, 6)}次，审核财务票据${c.rng.int(40, 95)}张，涉及金额${wan(amount(c.rng, 30000, 160000))}，对${c.rng.int(1, 3)}张手续不全的票据退回补正。`,
      `监督村务公开${c.rng.int(6, 12)}项，对${c.rng.pick(['村组道路维修工程', '村部修缮工程', '灌溉水渠清淤工程', '路灯安装工程'])}的质量和资金使用进行了现场查看，未发现违规问题。`,
      '下季度将重点监督集体资产资源发包租赁和惠民资金发放情况。',
    ),
  }),
  村集体债权债务情况: (c) => {
    const rows = [
      ['应收店面租金', '债权', yuan(amount(c.rng, 2000, 9000)), '已催收，约定下季度结清'],
      ['应付村组道路工程尾款（质保金）', '债务', yuan(amount(c.rng, 8000, 26000)), '质保期满后支付'],
      ['应付农户土地流转租金', '债务', yuan(amount(c.rng, 3000, 12000)), '按合同于年底支付'],
    ];
    return {
      title: `${c.short}${c.label}债权债务情况公开`,
      body: [
        p(`截至${c.label}末，${c.self}集体债权债务情况如下，本季度未新增非生产性负债：`),
        table('债权债务明细（单位：元）', ['项目', '类别', '金额', '清收偿还情况'], rows),
      ].join(''),
    };
  },
  村集体资金管理情况: (c) => {
    const bank = c.ledger ? c.ledger.closing : amount(c.rng, 60000, 180000);
    const special = amount(c.rng, 10000, 40000);
    return {
      title: `${c.short}${c.label}集体资金管理情况公开`,
      body: [
        p(`截至${c.label}末，${c.self}集体资金情况如下：`),
        table(
          '资金情况（单位：元）',
          ['项目', '金额', '说明'],
          [
            ['银行存款（基本账户）', yuan(bank), '与月度财务收支公开表月末结余一致'],
            ['其中：上级专项资金', yuan(Math.min(special, bank)), '专款专用'],
            ['库存现金', '0.00', '实行非现金结算'],
          ],
        ),
        p('村集体资金全部存入以村集体经济组织名义开立的银行账户，无以个人名义存放集体资金情况。'),
      ].join(''),
    };
  },
  村集体年度财务收支计划: (c) => {
    const inc = amount(c.rng, 260000, 420000);
    const exp = Math.round(inc * (0.8 + c.rng.next() * 0.15));
    return {
      title: `${c.short}${c.year + 1}年度财务收支计划公开`,
      body: [
        p(
          `经村“两委”提议、村民代表会议审议通过，${c.self}${c.year + 1}年度财务收支计划如下：计划收入${yuan(inc)}元，计划支出${yuan(exp)}元。`,
        ),
        table(
          '年度收支计划（单位：元）',
          ['项目', '金额'],
          [
            ['经营收入（租金、光伏收益）', yuan(Math.round(inc * 0.45))],
            ['上级补助收入', yuan(Math.round(inc * 0.5))],
            ['其他收入', yuan(inc - Math.round(inc * 0.45) - Math.round(inc * 0.5))],
            ['公益事业支出', yuan(Math.round(exp * 0.4))],
            ['村级组织运转支出', yuan(Math.round(exp * 0.45))],
            ['其他支出', yuan(exp - Math.round(exp * 0.4) - Math.round(exp * 0.45))],
          ],
        ),
      ].join(''),
    };
  },
  村集体资产清单及变动情况: (c) => ({
    title: `${c.short}${c.label}集体资产清单及变动情况公开`,
    body: [
      p(`根据农村集体资产清产核资和年度资产清查结果，现将${c.self}集体资产情况公开如下：`),
      table(
        '集体资产清单',
        ['资产名称', '数量', '账面价值（元）', '使用情况'],
        [
          ['村部办公楼', '1栋', yuan(amount(c.rng, 380000, 620000)), '自用'],
          ['临街店面', `${c.rng.int(3, 8)}间`, yuan(amount(c.rng, 200000, 480000)), '出租'],
          ['光伏电站', '1座', yuan(amount(c.rng, 180000, 320000)), '并网发电'],
          ['文化广场及健身器材', '1处', yuan(amount(c.rng, 60000, 150000)), '公益使用'],
        ],
      ),
      p(
        `本年度新增资产${c.rng.int(1, 3)}项，报废处置办公设备${c.rng.int(2, 6)}台（件），均经村民代表会议同意。`,
      ),
    ].join(''),
  }),
  村集体资源清单及发包租赁情况: (c) => ({
    title: `${c.short}${c.label}集体资源清单及发包租赁情况公开`,
    body: table(
      '集体资源发包租赁情况',
      ['资源', '面积', '承包（租赁）方', '期限', '年租金（元）'],
      [
        [
          '集体山林',
          `${c.rng.int(300, 900)}亩`,
          `${c.town}${c.rng.pick(['绿源', '青峰', '丰泽'])}林业专业合作社`,
          '2021—2035年',
          yuan(amount(c.rng, 9000, 26000)),
        ],
        ['鱼塘', `${c.rng.int(20, 60)}亩`, '本村村民', '2024—2028年', yuan(amount(c.rng, 8000, 18000))],
        [
          '机动地',
          `${c.rng.int(15, 45)}亩`,
          `${c.rng.pick(['润丰', '禾盛', '绿野'])}家庭农场`,
          '2025—2030年',
          yuan(amount(c.rng, 6000, 15000)),
        ],
      ],
    ),
  }),
  村集体年度收益分配方案: (c) => {
    const total = amount(c.rng, 60000, 150000);
    return {
      title: `${c.short}${c.label}集体收益分配方案（草案）公示`,
      body: [
        p(
          `根据《中华人民共和国农村集体经济组织法》第四十六条，${c.self}集体经济组织${c.label}可分配收益${yuan(total)}元，拟按以下方案分配，现于成员大会召开十日前公示：`,
        ),
        ol([
          `提取公积公益金${yuan(Math.round(total * 0.3))}元，用于村内公益设施建设；`,
          `提取福利费${yuan(Math.round(total * 0.1))}元，用于困难群众帮扶和老年人慰问；`,
          `向成员分红${yuan(total - Math.round(total * 0.3) - Math.round(total * 0.1))}元，按股份均等分配。`,
        ]),
      ].join(''),
    };
  },
  // 社区 (居委会).
  居民会议讨论决定的涉及全体居民利益的事项及执行情况: (c) => ({
    title: `${c.short}${c.label}居民议事会议决定事项及执行情况`,
    body: [
      p(`${c.label}，${c.self}召开居民代表会议${c.rng.int(1, 3)}次，讨论决定事项及执行情况如下：`),
      table(
        '决定事项',
        ['事项', '执行情况'],
        c.rng.some(
          [
            ['老旧小区加装电梯意向征集', '已完成意向征集，符合条件的3个单元上报住建部门'],
            ['小区停车位划定和管理方案', '已施划车位并公示管理办法'],
            ['楼道杂物清理专项行动', '已清理，建立每月巡查机制'],
            ['社区食堂（老年助餐点）运营方案', '已开业运营，日均就餐约60人次'],
            ['社区志愿服务积分兑换办法', '已实施'],
          ],
          3,
        ),
      ),
    ].join(''),
  }),
  '最低生活保障、特困人员救助对象及标准（隐去身份证号码等个人信息）': (c) => ({
    title: `${c.short}${c.label}城市低保及特困人员救助情况公示`,
    body: [
      p(`现将${c.self}${c.label}最低生活保障、特困人员救助情况公示如下（已隐去身份证号码等个人信息）：`),
      table(
        '救助情况',
        ['类别', '户数', '人数', '保障标准'],
        [
          ['城市最低生活保障', `${c.rng.int(12, 30)}`, `${c.rng.int(20, 55)}`, '每人每月820元'],
          ['特困人员', `${c.rng.int(1, 5)}`, `${c.rng.int(1, 5)}`, '每人每月1070元'],
        ],
      ),
    ].join(''),
  }),
  社区工作经费收支情况: (c) => {
    const inc = amount(c.rng, 30000, 60000);
    const rows = [
      ['办公及水电费', amount(c.rng, 3000, 8000)],
      ['社区活动经费', amount(c.rng, 4000, 12000)],
      ['网格员误工补贴', amount(c.rng, 9000, 18000)],
    ] as const;
    const exp = rows.reduce((s, r) => s + r[1], 0);
    return {
      title: `${c.short}${c.label}社区工作经费收支情况公开`,
      body: [
        p(
          `${c.label}，${c.self}收到街道（镇）拨付工作经费${yuan(inc)}元，支出${yuan(exp)}元，结余${yuan(inc - exp)}元。`,
        ),
        table(
          '支出明细（单位：元）',
          ['项目', '金额'],
          rows.map(([k, v]) => [k, yuan(v)]),
          ['合计', yuan(exp)],
        ),
      ].join(''),
    };
  },
  服务群众专项经费使用情况: (c) => ({
    title: `${c.short}${c.label}服务群众专项经费使用情况公开`,
    body: table(
      '专项经费使用（单位：元）',
      ['项目', '金额', '受益对象', '实施情况'],
      c.rng.some(
        [
          ['小区路灯维修', yuan(amount(c.rng, 2000, 6000)), '辖区居民', '已完工'],
          ['困难老人助餐补贴', yuan(amount(c.rng, 3000, 9000)), `${c.rng.int(20, 50)}名老人`, '按月结算'],
          ['“四点半课堂”教辅用品', yuan(amount(c.rng, 1000, 3000)), '辖区小学生', '已购置'],
          ['雨污管网疏通', yuan(amount(c.rng, 3000, 8000)), '3个老旧小区', '已完工'],
        ],
        3,
      ),
    ),
  }),
};

export const QUARTER_CN = (q: number) => `第${CN_NUM[q]}季度`;
