import type { Actor } from '../../auth/actor.ts';
import { unitVisibility } from '../../auth/policy.ts';
import { startsWith } from '../../db/dialect.ts';
import type { DbOrTx, Unit } from '../../db/types.ts';
import {
  APPLICANT_KINDS,
  type ApplicantKind,
  OUTCOME_KEYS,
  type OutcomeKey,
  REMEDY_KINDS,
  REMEDY_RESULTS,
  type RemedyKind,
  type RemedyResult,
} from '../outcomes.ts';
import type { RemedyRecord, ReportRecord } from './model.ts';

/** Who may see the report tables of a unit. */
export const REPORT_PERMISSION = 'request.view' as const;

/**
 * The query adapter: the report records of one unit (or its subtree) that matter for `year` and
 * the year before (for the carry-over check), read from requests and request_remedies. Only units
 * the actor holds request.view on contribute. Requests still awaiting confirmation have no
 * received date and are not counted (Art. 31).
 */
export async function loadReportRecords(
  db: DbOrTx,
  actor: Actor,
  unit: Pick<Unit, 'id' | 'path'>,
  subtree: boolean,
  year: number,
): Promise<ReportRecord[]> {
  const from = `${year - 1}-01-01`;
  const to = `${year}-12-31`;
  let q = db
    .selectFrom('requests as r')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.unit_id'),
    )
    .select(['r.id', 'r.applicant_kind', 'r.received_on', 'r.closed_on', 'r.outcome_key'])
    .where('r.tenant_id', '=', actor.tenantId)
    .where('r.received_on', 'is not', null)
    .where('r.received_on', '<=', to)
    .where((eb) => eb.or([eb('r.closed_on', 'is', null), eb('r.closed_on', '>=', from)]))
    .where(unitVisibility(actor, REPORT_PERMISSION, 'u'));
  q = subtree ? q.where(startsWith('u.path', unit.path)) : q.where('r.unit_id', '=', unit.id);
  const rows = await q.execute();
  if (rows.length === 0) return [];

  const remedies = new Map<string, RemedyRecord[]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const found = await db
      .selectFrom('request_remedies')
      .select(['request_id', 'kind', 'result', 'filed_on', 'decided_on'])
      .where('tenant_id', '=', actor.tenantId)
      .where('request_id', 'in', chunk)
      .execute();
    for (const m of found) {
      if (!(REMEDY_KINDS as readonly string[]).includes(m.kind)) continue;
      if (!(REMEDY_RESULTS as readonly string[]).includes(m.result)) continue;
      const list = remedies.get(m.request_id) ?? [];
      list.push({
        kind: m.kind as RemedyKind,
        result: m.result as RemedyResult,
        filedDate: m.filed_on,
        decidedDate: m.decided_on,
      });
      remedies.set(m.request_id, list);
    }
  }
  return rows.flatMap((r) => {
    if (!(APPLICANT_KINDS as readonly string[]).includes(r.applicant_kind) || !r.received_on) return [];
    const outcome =
      r.outcome_key && (OUTCOME_KEYS as readonly string[]).includes(r.outcome_key)
        ? (r.outcome_key as OutcomeKey)
        : null;
    return [
      {
        applicantKind: r.applicant_kind as ApplicantKind,
        receivedDate: r.received_on,
        closedDate: r.closed_on,
        outcome,
        remedies: remedies.get(r.id) ?? [],
      },
    ];
  });
}
