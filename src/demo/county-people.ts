import type { DemoPerson } from './county-data.ts';

/**
 * Demo accounts of 青山县, all with the password DEMO_PASSWORD. They are chosen so that one
 * disclosure can be walked through the whole workflow at each level (township, village,
 * department, party branch) and so that every role of SPEC §2 can be tried. Most of them sit in
 * 桃源镇 (QS-TS-TAOYUAN) so the township office, its supervisor and its villages meet in one place.
 *
 * Scope matters: a grant without coversSubtree reaches only its own unit, so a village publisher
 * cannot touch the next village; the two party members belong to different branches so that
 * 党内公开 of one branch is not visible to the other.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  // County level.
  {
    username: 'office',
    displayName: '陈建华',
    unitCode: 'QS-GKB',
    phone: '0797-7212301',
    // On the region root, so it reaches both the government and the party subtree.
    grants: [{ role: 'office', unitCode: 'qingshan', coversSubtree: true }],
    description:
      '县公开办：管理全县单位、人员与授权，维护指导目录和日历，查看全县公开情况，发通知、组织考核和年报',
  },
  {
    username: 'jijian',
    displayName: '钟卫东',
    unitCode: 'QS-CPC-JW',
    phone: '0797-7211201',
    grants: [{ role: 'inspector', unitCode: 'qingshan', coversSubtree: true }],
    description: '县纪委监委：对全县单位开展督查和“双随机”抽查，记录问题、下发并验收整改，查看审计日志',
  },

  // 桃源镇: the township office and its own publish → review → approve chain.
  {
    username: 'taoyuan-office',
    displayName: '刘晓燕',
    unitCode: 'QS-TS-TAOYUAN',
    phone: '0797-7221101',
    grants: [{ role: 'office', unitCode: 'QS-TS-TAOYUAN', coversSubtree: true }],
    description: '桃源镇公开办：管理本镇及所辖村（社区）的单位、人员与授权，督促各村按期公开',
  },
  {
    username: 'taoyuan-publisher',
    displayName: '王丽萍',
    unitCode: 'QS-TS-TAOYUAN',
    phone: '0797-7221102',
    grants: [{ role: 'publisher', unitCode: 'QS-TS-TAOYUAN', coversSubtree: false }],
    description: '桃源镇信息员：按镇政务公开目录起草公开事项、上传附件、答复留言',
  },
  {
    username: 'taoyuan-reviewer',
    displayName: '张伟',
    unitCode: 'QS-TS-TAOYUAN',
    phone: '0797-7221103',
    grants: [{ role: 'reviewer', unitCode: 'QS-TS-TAOYUAN', coversSubtree: false }],
    description: '桃源镇党政办审核员：审核本镇公开事项的准确性并做保密审查',
  },
  {
    username: 'taoyuan-approver',
    displayName: '李国强',
    unitCode: 'QS-TS-TAOYUAN',
    phone: '0797-7221104',
    grants: [{ role: 'approver', unitCode: 'QS-TS-TAOYUAN', coversSubtree: false }],
    description: '桃源镇分管领导：审批本镇公开事项，或写明理由退回',
  },
  {
    username: 'jianduyuan',
    displayName: '彭淑芬',
    unitCode: 'QS-TS-TAOYUAN',
    grants: [{ role: 'supervisor', unitCode: 'QS-TS-TAOYUAN', coversSubtree: true }],
    description: '桃源镇监督员（退休教师）：检查本镇及各村（社区）的公开情况，提交发现的问题，参与评议',
  },

  // The other townships' offices (公开办): each drafts and publishes for its township and, where
  // the village has no staff account of its own, for its villages (村务代理); the county office
  // reviews and approves.
  ...(
    [
      ['jiedao-office', '汤雅琴', 'QS-ST-QINGSHAN', '青山街道'],
      ['longquan-office', '黎晓峰', 'QS-TS-LONGQUAN', '龙泉镇'],
      ['qingxi-office', '袁丽华', 'QS-TS-QINGXI', '清溪镇'],
      ['shigang-office', '温建平', 'QS-TS-SHIGANG', '石岗镇'],
      ['yunling-office', '廖秋菊', 'QS-TS-YUNLING', '云岭乡'],
      ['meilin-office', '严国栋', 'QS-TS-MEILIN', '梅林乡'],
    ] as const
  ).map(
    ([username, displayName, unitCode, name]): DemoPerson => ({
      username,
      displayName,
      unitCode,
      grants: [{ role: 'office', unitCode, coversSubtree: true }],
      description: `${name}公开办：起草并发布本${name.endsWith('街道') ? '街道' : name.slice(-1)}及所辖村（社区）的公开事项，督促按期公开`,
    }),
  ),

  // 桃源村 (QS-V-TAOYUAN-01): 村务公开.
  {
    username: 'cun-publisher',
    displayName: '黄小燕',
    unitCode: 'QS-V-TAOYUAN-01',
    grants: [{ role: 'publisher', unitCode: 'QS-V-TAOYUAN-01', coversSubtree: false }],
    description: '桃源村报账员：起草村务、财务公开事项（如季度财务收支），上传公开栏照片',
  },
  {
    username: 'cun-reviewer',
    displayName: '钟明华',
    unitCode: 'QS-V-TAOYUAN-01',
    grants: [{ role: 'reviewer', unitCode: 'QS-V-TAOYUAN-01', coversSubtree: false }],
    description: '桃源村村务监督委员会主任：审核本村公开事项的真实性和完整性',
  },
  {
    username: 'cun-approver',
    displayName: '赖永福',
    unitCode: 'QS-V-TAOYUAN-01',
    grants: [{ role: 'approver', unitCode: 'QS-V-TAOYUAN-01', coversSubtree: false }],
    description: '桃源村村委会主任：审批本村公开事项',
  },

  // 县财政局 (QS-D-CZJ): a county department's 政务公开/财务公开.
  {
    username: 'czj-publisher',
    displayName: '周敏',
    unitCode: 'QS-D-CZJ',
    phone: '0797-7203131',
    grants: [{ role: 'publisher', unitCode: 'QS-D-CZJ', coversSubtree: false }],
    description: '县财政局信息员：发布预决算、政策文件等政务公开事项，答复依申请公开和留言',
  },
  {
    username: 'czj-reviewer',
    displayName: '吴海涛',
    unitCode: 'QS-D-CZJ',
    phone: '0797-7203132',
    grants: [{ role: 'reviewer', unitCode: 'QS-D-CZJ', coversSubtree: false }],
    description: '县财政局办公室主任：审核本局公开事项并做保密审查',
  },
  {
    username: 'czj-approver',
    displayName: '徐志刚',
    unitCode: 'QS-D-CZJ',
    phone: '0797-7203133',
    grants: [{ role: 'approver', unitCode: 'QS-D-CZJ', coversSubtree: false }],
    description: '县财政局分管副局长：审批本局公开事项',
  },

  // 县政府办公室政务公开科: keeps the county departments' 政务公开 columns on the portal.
  {
    username: 'zfb-zhengwu',
    displayName: '傅文静',
    unitCode: 'QS-GOV',
    grants: [{ role: 'office', unitCode: 'QS-GOV', coversSubtree: true }],
    description:
      '县政府办政务公开科：代县直部门起草、发布政务公开事项（政策文件、预决算、年度报告等），由县公开办审核审批',
  },

  // Party affairs (党务公开): the party subtree only.
  {
    username: 'dangwei-office',
    displayName: '郭振华',
    unitCode: 'QS-CPC',
    phone: '0797-7211001',
    // On the county party committee: reaches every party organisation, no government unit.
    grants: [{ role: 'office', unitCode: 'QS-CPC', coversSubtree: true }],
    description: '县委党务公开牵头部门（组织部）：管理全县党组织及其人员授权，督促党务公开',
  },
  {
    username: 'zhibu-publisher',
    displayName: '谢春花',
    unitCode: 'QS-CPC-V-TAOYUAN-01',
    grants: [
      { role: 'publisher', unitCode: 'QS-CPC-V-TAOYUAN-01', coversSubtree: false },
      { role: 'party_member', unitCode: 'QS-CPC-V-TAOYUAN-01', coversSubtree: false },
    ],
    description: '桃源村党支部组织委员：起草党务公开事项（如党费收缴、发展党员），本人也是该支部党员',
  },
  {
    username: 'zhibu-reviewer',
    displayName: '罗丽',
    unitCode: 'QS-CPC-V-TAOYUAN-01',
    grants: [
      { role: 'reviewer', unitCode: 'QS-CPC-V-TAOYUAN-01', coversSubtree: false },
      { role: 'party_member', unitCode: 'QS-CPC-V-TAOYUAN-01', coversSubtree: false },
    ],
    description: '桃源村党支部纪检委员：审核本支部党务公开事项，本人也是该支部党员',
  },
  {
    username: 'zhibu-approver',
    displayName: '罗建国',
    unitCode: 'QS-CPC-V-TAOYUAN-01',
    grants: [
      { role: 'approver', unitCode: 'QS-CPC-V-TAOYUAN-01', coversSubtree: false },
      { role: 'party_member', unitCode: 'QS-CPC-V-TAOYUAN-01', coversSubtree: false },
    ],
    description: '桃源村党支部书记：审批本支部党务公开事项，本人也是该支部党员',
  },
  {
    username: 'dangyuan1',
    displayName: '曾桂英',
    unitCode: 'QS-CPC-V-TAOYUAN-01',
    grants: [{ role: 'party_member', unitCode: 'QS-CPC-V-TAOYUAN-01', coversSubtree: false }],
    description: '桃源村党支部党员：登录后可查看本支部的党内公开事项',
  },
  {
    username: 'dangyuan2',
    displayName: '邱文斌',
    unitCode: 'QS-CPC-V-TAOYUAN-02',
    grants: [{ role: 'party_member', unitCode: 'QS-CPC-V-TAOYUAN-02', coversSubtree: false }],
    description: '杏花村党支部党员：只能看到杏花村党支部的党内公开，看不到桃源村党支部的',
  },
];
