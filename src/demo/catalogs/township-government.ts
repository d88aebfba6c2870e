import type { EntryInput } from '../../catalog/schemas.ts';
import { type DemoCatalog, entry, OGI } from './build.ts';

const SUBJECT = '各乡镇人民政府（街道办事处）';
const BASE = {
  timeLimitDays: 20,
  timeLimitText: '信息形成（变更）之日起20个工作日内',
  subject: SUBJECT,
  level: '乡级',
  requiredChannels: ['portal', 'bulletin_board'],
  optionalChannels: ['wechat'],
} satisfies Partial<EntryInput>;

/** One row of OGI Art. 20 or 21: the category, the item, its elements, the article. */
function art(level1: string, item: string, elements: string, clause: string, d: Partial<EntryInput> = {}) {
  return entry(level1, undefined, item, { ...BASE, elements, legalBasis: `${OGI}${clause}`, ...d });
}

/**
 * 乡镇（街道）政务公开指导目录: the fifteen categories every administrative organ discloses
 * proactively (OGI Art. 20) and the townships' own list (Art. 21).
 */
export const TOWNSHIP_GOVERNMENT: DemoCatalog = {
  unitKinds: ['township', 'street'],
  domain: 'government',
  name: '乡镇（街道）政务公开指导目录',
  description:
    '依据《中华人民共和国政府信息公开条例》第二十条、第二十一条制定，适用于全县各乡镇人民政府和街道办事处。辖区内确无相关事项的，可标记为“不适用”并说明理由，报县公开办审核。',
  entries: [
    art('法规文件', '行政规范性文件', '文件标题、文号、全文、发布日期、有效性', '第二十条第（一）项'),
    art(
      '机构职能',
      '机构设置、职能及领导信息',
      '机构职能、内设机构、办公地址、办公时间、联系方式、负责人姓名',
      '第二十条第（二）项',
    ),
    art('规划计划', '经济社会发展规划及相关政策', '发展规划、专项规划及相关政策', '第二十条第（三）项'),
    art('统计信息', '经济社会发展统计信息', '主要经济指标、统计公报', '第二十条第（四）项', {
      timing: 'periodic',
      period: 'yearly',
    }),
    art(
      '行政许可与公共服务',
      '行政许可和其他对外管理服务事项',
      '事项名称、依据、条件、程序、办理时限、办理结果',
      '第二十条第（五）项',
      { requiredChannels: ['portal', 'service_hall'] },
    ),
    art(
      '行政处罚与行政强制',
      '行政处罚、行政强制的依据、条件、程序及决定',
      '依据、条件、程序，本机关认为具有一定社会影响的行政处罚决定',
      '第二十条第（六）项',
      { timing: 'immediate' },
    ),
    art('财政信息', '财政预算、决算信息', '乡镇财政预算、决算报表及说明，“三公”经费', '第二十条第（七）项', {
      timing: 'periodic',
      period: 'yearly',
    }),
    art('收费信息', '行政事业性收费项目', '收费项目、依据、标准', '第二十条第（八）项'),
    art('政府采购', '政府集中采购项目', '采购目录、标准及实施情况', '第二十条第（九）项', {
      timing: 'immediate',
    }),
    art(
      '重大建设项目',
      '重大建设项目的批准和实施',
      '项目批准、招标投标、施工管理、竣工验收',
      '第二十条第（十）项',
      {
        timing: 'staged',
      },
    ),
    art(
      '民生保障',
      '扶贫、教育、医疗、社会保障、促进就业政策措施及实施情况',
      '政策措施、补助标准、申请条件、办理流程、实施情况',
      '第二十条第（十一）项',
    ),
    art(
      '应急管理',
      '突发公共事件应急预案、预警信息及应对情况',
      '应急预案、预警信息、应对处置情况',
      '第二十条第（十二）项',
      {
        timing: 'immediate',
        timeLimitDays: 0,
        timeLimitText: '实时公开',
        optionalChannels: ['wechat', 'broadcast', 'targeted_push'],
      },
    ),
    art(
      '监督检查',
      '环境保护、公共卫生、安全生产、食品药品、产品质量监督检查情况',
      '检查时间、检查对象、检查结果、整改情况',
      '第二十条第（十三）项',
      { timing: 'immediate' },
    ),
    art('人事信息', '公务员招考录用', '招考职位、名额、报考条件、录用结果', '第二十条第（十四）项', {
      timing: 'staged',
      minDisplayDays: 5,
    }),
    art('其他', '法律、法规、规章和国家有关规定要求公开的其他信息', '按有关规定确定', '第二十条第（十五）项'),
    art('乡镇事项', '贯彻落实农业农村政策情况', '惠农政策、补贴标准、发放对象及金额', '第二十一条', {
      requiredChannels: ['portal', 'bulletin_board'],
      optionalChannels: ['wechat', 'door_to_door'],
    }),
    art('乡镇事项', '农田水利工程建设运营情况', '工程名称、投资、建设内容、进度、管护责任', '第二十一条', {
      timing: 'staged',
    }),
    art(
      '乡镇事项',
      '农村土地承包经营权流转情况',
      '流转面积、流转方式、流转价格、合同签订情况',
      '第二十一条',
      {
        timing: 'periodic',
        period: 'half_yearly',
      },
    ),
    art('乡镇事项', '宅基地使用情况审核', '申请人、宅基地位置和面积、审核结果', '第二十一条', {
      timing: 'immediate',
      minDisplayDays: 5,
      audience: 'public',
    }),
    art('乡镇事项', '土地征收情况', '征收批准文件、范围、补偿标准、安置方案', '第二十一条', {
      timing: 'staged',
      requiredChannels: ['portal', 'bulletin_board', 'door_to_door'],
      optionalChannels: ['wechat'],
    }),
    art('乡镇事项', '房屋征收情况', '征收决定、补偿方案、补偿结果', '第二十一条', { timing: 'staged' }),
    art('乡镇事项', '筹资筹劳情况', '筹资筹劳项目、标准、数额及使用情况', '第二十一条', { timing: 'staged' }),
    art('乡镇事项', '社会救助', '救助对象、救助标准、救助金额（隐去身份证号码等个人信息）', '第二十一条', {
      timing: 'periodic',
      period: 'quarterly',
    }),
  ],
};
