/** zh-CN texts of src/engagement/ (consultations). */
export const consultationMessages = {} as const;
