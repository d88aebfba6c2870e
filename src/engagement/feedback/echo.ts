import { chinaDate } from '../../calendar/dates.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { FeedbackKind, FeedbackStatus } from '../../db/types-engagement.ts';
import { isId } from '../../lib/ids.ts';
import { customPatterns } from '../../privacy/pattern-store.ts';
import { type CustomPattern, maskKnownValues, maskPersonalData } from '../../privacy/privacy-guard.ts';

/**
 * The 回音壁 (echo wall): answered messages, public. Never a 举报, never held or rejected ones,
 * never the writer's name or contacts. A private message shows only its category, dates and
 * status. Question and answers pass the privacy guard (maskPersonalData + the region's custom
 * patterns) before they leave this module — every channel (pages, API, unit panel) reads here.
 */
export const ECHO_PAGE_SIZE = 20;

export interface EchoAnswer {
  round: number;
  kind: 'reply' | 'cannot_handle';
  on: string;
  body: string;
}
export interface EchoEntry {
  id: string;
  kind: FeedbackKind;
  status: FeedbackStatus;
  unitName: string;
  unitCode: string;
  submittedOn: string;
  repliedOn: string | null;
  private: boolean;
  reopened: number;
  subject: string | null;
  body: string | null;
  disclosureId: string | null;
  answers: EchoAnswer[];
}

/** What the 回音壁 may show: answered, accepted, never a 举报 (every public echo channel starts here). */
export function publicBase(db: DbOrTx, tenantId: string) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'f.tenant_id').onRef('u.id', '=', 'f.unit_id'),
    )
    .where('f.tenant_id', '=', tenantId)
    .where('f.kind', '<>', 'report')
    .where('f.status', 'not in', ['held', 'rejected'])
    .where('f.replied_on', 'is not', null);
}

export interface EchoFilters {
  kind?: string;
  unitId?: string;
  page?: number;
  pageSize?: number;
}

const PUBLIC_KINDS = ['suggestion', 'question', 'complaint'];

export async function listEcho(
  db: DbOrTx,
  tenantId: string,
  filters: EchoFilters = {},
): Promise<{ items: EchoEntry[]; total: number; lastModified: string | null }> {
  let q = publicBase(db, tenantId);
  if (filters.kind && PUBLIC_KINDS.includes(filters.kind))
    q = q.where('f.kind', '=', filters.kind as FeedbackKind);
  if (filters.unitId) q = q.where('f.unit_id', '=', filters.unitId);
  const size = filters.pageSize ?? ECHO_PAGE_SIZE;
  const page = Math.max(1, filters.page ?? 1);
  const [rows, count] = await Promise.all([
    q
      .selectAll('f')
      .select(['u.name as unit_name', 'u.code as unit_code'])
      .orderBy('f.replied_on', 'desc')
      .orderBy('f.updated_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(size)
      .offset((page - 1) * size)
      .execute(),
    q
      .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('f.updated_at').as('latest')])
      .executeTakeFirst(),
  ]);
  const patterns = await customPatterns(db, tenantId);
  const answers = await answersOf(
    db,
    tenantId,
    rows.filter((r) => r.private !== 1).map((r) => r.id),
  );
  const items = rows.map((r) => toEntry(r, patterns, answers.get(r.id) ?? []));
  return { items, total: Number(count?.n ?? 0), lastModified: (count?.latest as string | null) ?? null };
}

export async function getEcho(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<(EchoEntry & { updatedAt: string }) | undefined> {
  if (!isId(id)) return undefined;
  const r = await publicBase(db, tenantId)
    .selectAll('f')
    .select(['u.name as unit_name', 'u.code as unit_code'])
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const answers = r.private === 1 ? new Map() : await answersOf(db, tenantId, [r.id]);
  return {
    ...toEntry(r, await customPatterns(db, tenantId), answers.get(r.id) ?? []),
    updatedAt: r.updated_at,
  };
}

interface Row {
  tenant_id: string;
  id: string;
  kind: FeedbackKind;
  status: FeedbackStatus;
  unit_name: string;
  unit_code: string | null;
  submitted_at: string;
  replied_on: string | null;
  private: number;
  reopened_count: number;
  subject: string;
  body: string;
  disclosure_id: string | null;
  author_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
}

/**
 * The answers of these messages, unmasked, in two queries for a whole page (not two per entry):
 * reply rows and 暂不能办理 trail entries (their reason), by round then date.
 */
async function answersOf(db: DbOrTx, tenantId: string, ids: string[]): Promise<Map<string, EchoAnswer[]>> {
  const out = new Map<string, EchoAnswer[]>();
  if (ids.length === 0) return out;
  const [replies, events] = await Promise.all([
    db
      .selectFrom('feedback_replies')
      .select(['feedback_id', 'round', 'replied_at', 'body'])
      .where('tenant_id', '=', tenantId)
      .where('feedback_id', 'in', ids)
      .execute(),
    db
      .selectFrom('feedback_events')
      .select(['feedback_id', 'at', 'detail'])
      .where('tenant_id', '=', tenantId)
      .where('feedback_id', 'in', ids)
      .where('kind', '=', 'cannot_handle')
      .execute(),
  ]);
  const add = (id: string, a: EchoAnswer) => out.set(id, [...(out.get(id) ?? []), a]);
  for (const x of replies)
    add(x.feedback_id, {
      round: x.round,
      kind: 'reply',
      on: chinaDate(new Date(x.replied_at)),
      body: x.body,
    });
  for (const e of events) {
    if (!e.detail) continue;
    const d = JSON.parse(e.detail) as { reason?: string; round?: number };
    add(e.feedback_id, {
      round: d.round ?? 1,
      kind: 'cannot_handle',
      on: chinaDate(new Date(e.at)),
      body: d.reason ?? '',
    });
  }
  for (const list of out.values()) list.sort((a, b) => a.round - b.round || a.on.localeCompare(b.on));
  return out;
}

function toEntry(r: Row, patterns: CustomPattern[], found: EchoAnswer[]): EchoEntry {
  // patterns first (ID numbers, mobiles …), then the writer's own name and contacts where they recur
  const known = [r.author_name, r.contact_phone, r.contact_email];
  const mask = (s: string) => maskKnownValues(maskPersonalData(s, patterns).text, known);
  const priv = r.private === 1;
  const base: EchoEntry = {
    id: r.id,
    kind: r.kind,
    status: r.status,
    unitName: r.unit_name,
    unitCode: r.unit_code ?? '',
    submittedOn: chinaDate(new Date(r.submitted_at)),
    repliedOn: r.replied_on,
    private: priv,
    reopened: r.reopened_count,
    subject: null,
    body: null,
    disclosureId: null,
    answers: [],
  };
  if (priv) return base;
  const answers = found.map((x) => ({ ...x, body: mask(x.body) }));
  return { ...base, subject: mask(r.subject), body: mask(r.body), disclosureId: r.disclosure_id, answers };
}
