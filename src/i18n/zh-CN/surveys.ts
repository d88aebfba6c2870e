/** zh-CN texts of src/engagement/ (surveys). */
export const surveyMessages = {} as const;
