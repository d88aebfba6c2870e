import type { DbOrTx } from '../../db/types.ts';
import type { SurveyLevel } from '../../db/types-engagement.ts';
import type { Survey, SurveyUnit } from './store.ts';

/**
 * Results of a survey, per unit:
 * - counts of 满意 / 基本满意 / 不满意 and raters (= their sum: one rating per rater and unit);
 * - satisfaction rate (满意率) = (满意 + 基本满意) / raters, in percent;
 * - score (得分) = (w满意·满意 + w基本·基本满意 + w不满意·不满意) / raters with the weights stored
 *   on the survey (default 100 / 60 / 0), so a score is on the 0–100 scale;
 * - rank (排名) by score, then rate, then raters, descending; equal units share a rank (1, 2, 2, 4);
 *   a unit nobody rated has no rate, score or rank and comes last.
 * Rates and scores are rounded to 2 decimals.
 */
export interface UnitResult {
  unitId: string;
  unitName: string;
  satisfied: number;
  basic: number;
  dissatisfied: number;
  raters: number;
  rate: number | null;
  score: number | null;
  rank: number | null;
}

export type Counts = Record<string, Partial<Record<SurveyLevel, number>>>;

const round2 = (x: number) => Math.round(x * 100) / 100;

export function computeResults(
  weights: Pick<Survey, 'weight_satisfied' | 'weight_basic' | 'weight_dissatisfied'>,
  units: readonly { id: string; name: string }[],
  counts: Counts,
): UnitResult[] {
  const rows: UnitResult[] = units.map((u) => {
    const c = counts[u.id] ?? {};
    const satisfied = c.satisfied ?? 0;
    const basic = c.basic ?? 0;
    const dissatisfied = c.dissatisfied ?? 0;
    const raters = satisfied + basic + dissatisfied;
    return {
      unitId: u.id,
      unitName: u.name,
      satisfied,
      basic,
      dissatisfied,
      raters,
      rate: raters ? round2(((satisfied + basic) * 100) / raters) : null,
      score: raters
        ? round2(
            (weights.weight_satisfied * satisfied +
              weights.weight_basic * basic +
              weights.weight_dissatisfied * dissatisfied) /
              raters,
          )
        : null,
      rank: null,
    };
  });
  const key = (r: UnitResult) => [r.score ?? -1, r.rate ?? -1, r.raters] as const;
  const cmp = (a: UnitResult, b: UnitResult) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return 0;
  };
  const ranked = rows.filter((r) => r.raters > 0).sort(cmp);
  ranked.forEach((r, i) => {
    r.rank = i > 0 && cmp(ranked[i - 1], r) === 0 ? ranked[i - 1].rank : i + 1;
  });
  return [...ranked, ...rows.filter((r) => r.raters === 0)];
}

/** Live counts from the ratings (one row per rater and unit, so counting rows counts raters). */
export async function liveCounts(db: DbOrTx, tenantId: string, surveyId: string): Promise<Counts> {
  const rows = await db
    .selectFrom('survey_ratings')
    .select(['unit_id', 'level', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('survey_id', '=', surveyId)
    .groupBy(['unit_id', 'level'])
    .execute();
  const out: Counts = {};
  for (const r of rows) {
    out[r.unit_id] ??= {};
    out[r.unit_id][r.level] = Number(r.n);
  }
  return out;
}

/** The stored snapshot of a finalized survey, in rank order. */
export async function snapshotOf(db: DbOrTx, tenantId: string, surveyId: string): Promise<UnitResult[]> {
  const rows = await db
    .selectFrom('survey_results')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('survey_id', '=', surveyId)
    .execute();
  const out = rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    satisfied: Number(r.satisfied),
    basic: Number(r.basic),
    dissatisfied: Number(r.dissatisfied),
    raters: Number(r.raters),
    rate: r.rate === null ? null : Number(r.rate),
    score: r.score === null ? null : Number(r.score),
    rank: r.rank === null ? null : Number(r.rank),
  }));
  return out.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName));
}

export interface SurveyResults {
  rows: UnitResult[];
  /** people or devices that rated at least one unit */
  participants: number;
  /** true when read from the finalized snapshot */
  final: boolean;
  computedAt: string | null;
}

/** Results as shown: the snapshot once finalized, otherwise computed live from the ratings. */
export async function surveyResults(
  db: DbOrTx,
  s: Survey,
  units: readonly SurveyUnit[],
): Promise<SurveyResults> {
  const participants = await db
    .selectFrom('survey_ratings')
    .select((eb) => eb.fn.count<number | string>('rater_key').distinct().as('n'))
    .where('tenant_id', '=', s.tenant_id)
    .where('survey_id', '=', s.id)
    .executeTakeFirstOrThrow();
  if (s.status === 'finalized') {
    const rows = await snapshotOf(db, s.tenant_id, s.id);
    const at = await db
      .selectFrom('survey_results')
      .select('computed_at')
      .where('tenant_id', '=', s.tenant_id)
      .where('survey_id', '=', s.id)
      .executeTakeFirst();
    return { rows, participants: Number(participants.n), final: true, computedAt: at?.computed_at ?? null };
  }
  const rows = computeResults(s, units, await liveCounts(db, s.tenant_id, s.id));
  return { rows, participants: Number(participants.n), final: false, computedAt: null };
}
