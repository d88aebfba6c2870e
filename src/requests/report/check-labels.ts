import type { ReportCheck } from './model.ts';

/** What each consistency check states, as the page and the export print it. */
export const CHECK_LABELS: Record<ReportCheck['key'], string> = {
  balance: '表三各列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理',
  finished_sum: '表三各列：三（七）总计 = （一）至（六）各项之和',
  row_totals: '表三各行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  carry_over: '表三：本年“二、上年结转” = 上年“四、结转下年度继续办理”',
  table4_totals: '表四各组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
};

export function checkResultText(c: ReportCheck): string {
  return c.passed === null ? '未校验' : c.passed ? '通过' : '不通过';
}
