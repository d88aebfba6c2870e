/** zh-CN texts shared by the engagement features (src/engagement/: throttling, moderation, devices). */
export const engagementMessages = {
  'nav.echo': '回音壁',
  'nav.consultations': '征求意见',
  'nav.demands': '点单公开',
  'nav.surveys': '满意度测评',
  'engagement.rate_limited': '提交过于频繁，请 {minutes} 分钟后再试。',
  'engagement.sensitive_words.title': '敏感词',
  'engagement.sensitive_words.hint':
    '每行一个词。留言、意见和评论中出现这些词时，先进入待审核，由公开办审核后再处理或显示。',
  'engagement.sensitive_words.saved': '敏感词已保存。',
  'engagement.sensitive_words.too_many': '敏感词最多 {max} 个。',
  'engagement.sensitive_words.too_long': '每个敏感词不超过 {max} 个字符。',
} as const;
