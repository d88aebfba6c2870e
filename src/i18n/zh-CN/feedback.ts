/** zh-CN texts of src/engagement/ (feedback). */
export const feedbackMessages = {} as const;
