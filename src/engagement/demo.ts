import type { OpContext } from '../lib/context.ts';
import { seedConsultationDemo } from './consultations/demo.ts';
import { seedDemandDemo } from './demands/demo.ts';
import { seedFeedbackDemo } from './feedback/demo.ts';
import { seedSurveyDemo } from './surveys/demo.ts';

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
  await seedDemandDemo(ctx, input);
  await seedFeedbackDemo(ctx, input);
  await seedConsultationDemo(ctx, input);
  await seedSurveyDemo(ctx, input);
}
