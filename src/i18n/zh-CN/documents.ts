/** 附件与公开内容构件 (documents, finance sheets, privacy findings): error codes and texts. */
export const documentMessages = {
  // uploads (src/documents/sniff.ts)
  'file.empty': '文件是空的，请重新选择。',
  'file.too_large': '文件超过 {limitMb} MB 的大小限制。',
  'file.type_not_allowed':
    '只能上传 PDF、Word（DOCX）、Excel（XLSX）、JPG 或 PNG 文件；含宏的文件和旧版 DOC/XLS 文件不能上传。',
  'file.mismatch':
    '文件名是 .{declared}，但内容是 {actual} 文件。请确认是否选错了文件，或改正文件名后重新上传。',
  'file.unreadable': '文件无法读取：可能已损坏或设置了密码。',
  'file.mask_unsupported': '该类型的文件不能自动遮盖，请上传已遮盖个人信息的文件，或填写理由后保留原文件。',
  // attachment privacy scan (src/documents/mask-attachments.ts)
  'privacy.attachment_pdf_must_upload': 'PDF 文件不能自动遮盖：请上传已遮盖的 PDF，或填写理由后保留原文件。',
  'privacy.attachment_not_scanned':
    '图片中的文字无法自动检查，请人工确认不含身份证号、手机号、银行卡号等个人信息。',
  // finance sheets (src/disclosure/building-blocks/finance-sheet.ts)
  'finance.sheet_unreadable': '收支表无法读取：请上传有效的 Excel（XLSX）文件。',
  'finance.sheet_empty': '收支表中没有工作表或内容。',
  'finance.header_not_found':
    '在收支表前 20 行中找不到表头：表头须包含“摘要”以及“收入”或“支出”（也可包含日期、凭证号、科目、余额、经手人、备注）。',
  'finance.no_entries': '收支表中没有收入或支出明细。',
  'finance.balance_mismatch': '第 {row} 行余额为 {actual}，按上一行余额和本行收支计算应为 {expected}。',
  'finance.amount_invalid': '第 {row} 行“{column}”的金额“{value}”无法识别，已按空白处理。',
  'finance.total_mismatch': '第 {row} 行合计的{column}为 {actual}，按明细计算应为 {expected}。',
  'finance.column.income': '收入',
  'finance.column.expense': '支出',
  'finance.column.balance': '余额',
  // tamper-evident record (src/disclosure/building-blocks/fingerprint.ts)
  'fingerprint.invalid': '请输入 12 位指纹（如 3f9a-1c2b-77d0）或 64 位完整摘要。',
  'fingerprint.label': '防篡改指纹',
  // version diffs (src/disclosure/building-blocks/diff.ts)
  'diff.inserted': '新增',
  'diff.deleted': '删除',
  'diff.stats': '新增 {inserted} 字，删除 {deleted} 字',
} as const;
