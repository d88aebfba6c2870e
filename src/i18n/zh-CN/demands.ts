/** zh-CN texts of src/engagement/ (demands). */
export const demandMessages = {} as const;
