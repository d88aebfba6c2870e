import { type Actor, loadPersonActor } from '../../auth/actor.ts';
import type { WorkingCalendar } from '../../calendar/calendar.ts';
import { loadCalendar } from '../../calendar/tenant-calendar.ts';
import type { Audience } from '../../db/types.ts';
import { addAttachment } from '../../disclosure/add-attachment.ts';
import { approveDisclosure } from '../../disclosure/approve-disclosure.ts';
import { createDraft } from '../../disclosure/create-draft.ts';
import { publishDisclosure } from '../../disclosure/publish-disclosure.ts';
import { returnDisclosure } from '../../disclosure/return-disclosure.ts';
import { reviewDisclosure } from '../../disclosure/review-disclosure.ts';
import { reviseDisclosure } from '../../disclosure/revise-disclosure.ts';
import { revokeDisclosure } from '../../disclosure/revoke-disclosure.ts';
import { submitDisclosure } from '../../disclosure/submit-disclosure.ts';
import { beijingDate, beijingInstant } from '../../jobs/schedule-daily.ts';
import type { OpContext } from '../../lib/context.ts';
import { periodLabel, periodOf } from '../../obligations/periods.ts';
import type { DemoEntryIds } from '../catalogs/seed-catalogs.ts';
import { DEMO_UNITS, type DemoUnit } from '../county-data.ts';
import { EVENTS, type EventSpec } from './events.ts';
import { type Ledger, ledgerWorkbook, monthlyLedger, openingBalance } from './finance.ts';
import { GOV_PERIODIC, PARTY_PERIODIC } from './periodic-party-gov.ts';
import { VILLAGE_PERIODIC } from './periodic-village.ts';
import { type DemoTimeline, inPilot, joinedAt } from './rollout.ts';
import { addDays, Rng } from './text.ts';
import type { Content, ItemContext, Template } from './types.ts';

/** The demo's own village (`cun-publisher`): its periods that ended but are not yet due are left to do. */
const WORK_LEFT_FOR = 'QS-V-TAOYUAN-01';

/**
 * Publishes the demo county's year (see rollout.ts for who was there how long) through the real
 * workflow — createDraft → submit → review → approve → publish, revise, revoke, return — each step
 * with its historical time as OpContext.now and a person holding that role on the unit, all in the
 * seeder's transaction. So the hash chains are genuine, the obligations are fulfilled (on time or
 * late) by fulfilFromDisclosure, and the audit log and workflow trails read like a real year.
 *
 * What it leaves: every periodic obligation of the pilot units that fell due is fulfilled, mostly on
 * time, about one in eleven late, and a handful (OVERDUE) still open; periods that ended but are
 * not yet due are published about half the time; one-off items (events.ts) across every township,
 * about half the villages, the departments and party branches; revised, revoked and withheld
 * items; and a draft, a submitted, a reviewed and a returned item waiting for the demo accounts.
 */
export interface DemoHistoryStats {
  published: number;
  late: number;
  revised: number;
  revoked: number;
  withheld: number;
  inWorkflow: number;
  attachments: number;
}

/** (unit code | entry item) whose latest obligation that fell due is left open (已逾期). */
const OVERDUE = new Set([
  'QS-V-TAOYUAN-01|村务监督委员会监督情况',
  'QS-V-TAOYUAN-02|村集体各项支出明细',
  'QS-TS-LONGQUAN|社会救助',
  'QS-D-NYJ|部门年度重点工作任务及落实情况',
  'QS-CPC-C-TAOYUAN-01|学习贯彻党中央和上级党组织决策部署情况',
]);

/** Periodic items corrected after publication: the latest published period of the pair gets version 2. */
const PERIODIC_REVISIONS: Record<
  string,
  { days: number; note: string; change: (first: Content) => Content }
> = {
  'QS-V-TAOYUAN-01|村集体各项支出明细': {
    days: 3,
    note: '经村务监督委员会复核，“购买办公用品”一笔原凭证号录入有误，已按原始凭证更正；收支金额和月末结余不变。',
    change: (first) => ({
      title: first.title,
      body: `${first.body}<p>更正说明：凭证号录入更正，金额不变。</p>`,
    }),
  },
  'QS-D-CZJ|部门预算和决算': {
    days: 6,
    note: '按县财政局预决算公开检查要求，补充“三公”经费预算增减变化原因说明。',
    change: (first) => ({
      title: first.title,
      body: `${first.body}<p>补充说明：“三公”经费预算较上年减少，主要是公务用车减少1辆、压减公务接待批次。</p>`,
    }),
  },
  'QS-CPC-V-TAOYUAN-01|党费收缴情况': {
    days: 2,
    note: '原公示中一名流动党员的党费已于公示前补缴，更正实交金额说明。',
    change: (first) => ({
      title: first.title,
      body: `${first.body}<p>更正：流动党员党费已全部补缴到位。</p>`,
    }),
  },
};

const ATTACHMENT_LIMIT = 20 * 1024 * 1024;
/** Monthly expenditure items whose month ended within this many days carry the XLSX journal. */
const XLSX_DAYS = 130;

interface Crew {
  draft: string;
  review: string;
  approve: string;
  publish: string;
}

const STAFFED: Record<string, string> = {
  'QS-V-TAOYUAN-01': 'cun',
  'QS-CPC-V-TAOYUAN-01': 'zhibu',
  'QS-TS-TAOYUAN': 'taoyuan',
  'QS-D-CZJ': 'czj',
};

/** Who works a unit's items: its own staff where the demo has them, else an office and the county office. */
function crewOf(u: DemoUnit): Crew {
  const staff = STAFFED[u.code];
  if (staff)
    return {
      draft: `${staff}-publisher`,
      review: `${staff}-reviewer`,
      approve: `${staff}-approver`,
      publish: `${staff}-publisher`,
    };
  const local = u.code.startsWith('QS-CPC')
    ? 'dangwei-office'
    : u.kind === 'department'
      ? 'zfb-zhengwu'
      : townshipOffice(townKey(u.code));
  return { draft: local, review: 'office', approve: 'office', publish: local };
}

const townKey = (code: string) => /^QS-(?:CPC-)?(?:V|C|TS|ST)-([A-Z]+)/.exec(code)?.[1] ?? '';
const townshipOffice = (key: string) =>
  key === 'TAOYUAN' ? 'taoyuan-office' : key === 'QINGSHAN' ? 'jiedao-office' : `${key.toLowerCase()}-office`;

interface Job {
  at: Date;
  unit: DemoUnit;
  entryId: string;
  periodKey?: string;
  content: Content;
  decidedOn: string;
  audience?: Audience;
  withheld?: EventSpec['withheld'];
  state?: EventSpec['state'];
  returnReason?: string;
  attachment?: () => Promise<{ name: string; content: Buffer }>;
  late?: boolean;
  disclosureId?: string;
}

type Step =
  | { kind: 'publish'; at: Date; job: Job }
  | { kind: 'revise'; at: Date; job: Job; content: Content; note: string }
  | { kind: 'revoke'; at: Date; job: Job; reason: string };

export async function seedDemoDisclosures(
  ctx: OpContext,
  opts: { timeline: DemoTimeline; unitId: (code: string) => string; entries: DemoEntryIds },
): Promise<DemoHistoryStats> {
  const { timeline: t, unitId, entries } = opts;
  const tenantId = ctx.actor.tenantId;
  const calendar = await loadCalendar(ctx.db, tenantId);
  const units = new Map(DEMO_UNITS.map((u) => [u.code, u]));
  const byId = new Map(DEMO_UNITS.map((u) => [unitId(u.code), u]));
  const steps: Step[] = [];

  // Periodic obligations of the pilot units.
  const pilotIds = DEMO_UNITS.filter((u) => inPilot(u.code)).map((u) => unitId(u.code));
  const obligations = await ctx.db
    .selectFrom('obligations as o')
    .innerJoin('catalog_entries as e', (j) =>
      j.onRef('e.tenant_id', '=', 'o.tenant_id').onRef('e.id', '=', 'o.entry_id'),
    )
    .select([
      'o.unit_id',
      'o.entry_id',
      'o.period_key',
      'o.period_start',
      'o.period_end',
      'o.due_date',
      'e.item',
      'e.time_limit_days',
    ])
    .where('o.tenant_id', '=', tenantId)
    .where('o.kind', '=', 'periodic')
    .where('o.unit_id', 'in', pilotIds)
    .orderBy('o.unit_id')
    .orderBy('o.entry_id')
    .orderBy('o.period_start')
    .execute();
  const claimed = new Set(
    (
      await ctx.db
        .selectFrom('catalog_exclusions')
        .select(['unit_id', 'entry_id'])
        .where('tenant_id', '=', tenantId)
        .where('status', 'in', ['claimed', 'accepted'])
        .execute()
    ).map((x) => `${x.unit_id}|${x.entry_id}`),
  );
  const lastDue = new Map<string, string>();
  for (const o of obligations)
    if (o.due_date < t.today) lastDue.set(`${o.unit_id}|${o.entry_id}`, o.period_key as string);

  const ledgers = villageLedgers(t);
  // The journal as an XLSX attachment for the last months (parsing attachments is the privacy
  // guard's most expensive step, at submit and at publish); older months carry the table only.
  const xlsxFrom = addDays(t.today, -XLSX_DAYS);
  const published = new Map<string, Job>();
  for (const o of obligations) {
    const unit = byId.get(o.unit_id)!;
    const pair = `${unit.code}|${o.item}`;
    if (claimed.has(`${o.unit_id}|${o.entry_id}`)) continue;
    const rng = new Rng(`${pair}|${o.period_key}`);
    const periodEnd = o.period_end as string;
    let day: string | null = null;
    let late = false;
    if (o.due_date < t.today) {
      if (OVERDUE.has(pair) && lastDue.get(`${o.unit_id}|${o.entry_id}`) === o.period_key) continue;
      if (rng.chance(0.09)) {
        const d = workingDayOnOrAfter(calendar, addDays(o.due_date, rng.int(2, 18)));
        if (d < t.today) [day, late] = [d, true];
      }
      day ??= onTimeDay(calendar, periodEnd, o.due_date, o.time_limit_days, rng);
    } else if (periodEnd < t.today && unit.code !== WORK_LEFT_FOR && rng.chance(0.55)) {
      // (桃源村's ended-but-not-yet-due periods stay open: `cun-publisher` finds them to do)
      const d = onTimeDay(calendar, periodEnd, o.due_date, o.time_limit_days, rng);
      if (d < t.today) day = d;
    }
    if (!day) continue;
    const template = PERIODIC[o.item];
    if (!template) throw new Error(`demo data: no text for periodic entry ${o.item}`);
    const at = instantOn(day, rng, t);
    const c = context(unit, units, day, rng, o.period_key as string);
    const ledgerKey = `${unit.code}|${ledgerMonth(o.period_key as string)}`;
    c.ledger = ledgers.get(ledgerKey);
    const content = template(c);
    const job: Job = {
      at,
      unit,
      entryId: o.entry_id,
      periodKey: o.period_key as string,
      content,
      decidedOn: c.decided,
      late,
      attachment:
        o.item === '村集体各项支出明细' && c.ledger && periodEnd >= xlsxFrom
          ? async () => ({
              name: `${c.ledger!.village}${c.ledger!.year}年${c.ledger!.month}月财务收支公开表.xlsx`,
              content: await ledgerWorkbook(c.ledger!),
            })
          : undefined,
    };
    steps.push({ kind: 'publish', at, job });
    published.set(pair, job);
  }
  for (const [pair, r] of Object.entries(PERIODIC_REVISIONS)) {
    const job = published.get(pair);
    const at = job && new Date(job.at.getTime() + r.days * 86400_000);
    if (job && at && at < t.now)
      steps.push({ kind: 'revise', at, job, content: r.change(job.content), note: r.note });
  }

  // One-off items.
  for (const [i, e] of EVENTS.entries()) {
    const unit = units.get(e.unit);
    if (!unit) throw new Error(`demo data: unknown unit ${e.unit}`);
    const entryId = entries.get(`${unit.kind}:${e.item}`) ?? entries.get(`${unit.code}:${e.item}`);
    if (!entryId) throw new Error(`demo data: ${e.unit} has no entry ${e.item}`);
    const rng = new Rng(`event|${i}|${e.unit}|${e.item}`);
    const at = eventInstant(e.at, joinedAt(unit.code, t), t, calendar);
    const day = beijingDate(at);
    const periodKey = e.currentPeriod ? periodOf(e.currentPeriod, day).key : undefined;
    const c = context(unit, units, day, rng, periodKey);
    const content = e.make(c);
    const job: Job = {
      at,
      unit,
      entryId,
      periodKey,
      content,
      decidedOn: c.decided,
      audience: e.audience ?? content.audience,
      withheld: e.withheld,
      state: e.state,
      returnReason: e.returnReason,
    };
    steps.push({ kind: 'publish', at, job });
    if (e.revise) {
      const r = e.revise;
      const when = new Date(at.getTime() + r.days * 86400_000);
      if (when < t.now)
        steps.push({ kind: 'revise', at: when, job, content: r.change(c, content), note: r.note });
    }
    if (e.revoke) {
      const when = new Date(at.getTime() + e.revoke.days * 86400_000);
      steps.push({
        kind: 'revoke',
        at: when < t.now ? when : new Date(t.now.getTime() - 60_000),
        job,
        reason: e.revoke.reason,
      });
    }
  }

  // Run in time order: chains grow in publication order, as they would have.
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  const actors = await loadActors(ctx);
  const as = (username: string, at: Date): OpContext => {
    const actor = actors.get(username);
    if (!actor) throw new Error(`demo data: no person ${username}`);
    return { ...ctx, actor, now: at };
  };
  const stats: DemoHistoryStats = {
    published: 0,
    late: 0,
    revised: 0,
    revoked: 0,
    withheld: 0,
    inWorkflow: 0,
    attachments: 0,
  };
  for (const s of steps) {
    const crew = crewOf(s.job.unit);
    if (s.kind === 'revise') {
      await reviseDisclosure(as(crew.publish, s.at), s.job.disclosureId!, {
        title: s.content.title,
        bodyHtml: s.content.body,
        changeNote: s.note,
      });
      stats.revised += 1;
      continue;
    }
    if (s.kind === 'revoke') {
      await revokeDisclosure(as(crew.publish, s.at), s.job.disclosureId!, { reason: s.reason });
      stats.revoked += 1;
      continue;
    }
    const job = s.job;
    // The steps before publication: drafted up to two days earlier, never before the unit joined.
    const joined = joinedAt(job.unit.code, t).getTime();
    const gap = Math.max(60_000, Math.min(2 * 86400_000, job.at.getTime() - joined - 60_000));
    const when = (f: number) => new Date(job.at.getTime() - gap * f);
    const d = await createDraft(as(crew.draft, when(1)), {
      unitId: unitId(job.unit.code),
      entryId: job.entryId,
      title: job.content.title,
      bodyHtml: job.content.body,
      decidedOn: job.decidedOn,
      periodKey: job.periodKey,
      audience: job.audience,
      ...(job.withheld
        ? {
            attribute: 'withheld' as const,
            withheldReason: job.withheld.reason,
            withheldBasis: job.withheld.basis,
            reviewDate: addDays(t.today, job.withheld.reviewInDays),
          }
        : {}),
    });
    job.disclosureId = d.id;
    if (job.attachment) {
      await addAttachment(as(crew.draft, when(0.95)), d.id, await job.attachment(), ATTACHMENT_LIMIT);
      stats.attachments += 1;
    }
    if (job.state === 'draft') {
      stats.inWorkflow += 1;
      continue;
    }
    await submitDisclosure(as(crew.draft, when(0.8)), d.id);
    if (job.state === 'submitted') {
      stats.inWorkflow += 1;
      continue;
    }
    if (job.state === 'returned') {
      await returnDisclosure(as(crew.review, when(0.5)), d.id, {
        reason: job.returnReason ?? '请修改后重新提交。',
      });
      stats.inWorkflow += 1;
      continue;
    }
    await reviewDisclosure(as(crew.review, when(0.5)), d.id);
    if (job.state === 'reviewed') {
      stats.inWorkflow += 1;
      continue;
    }
    await approveDisclosure(as(crew.approve, when(0.25)), d.id);
    await publishDisclosure(as(crew.publish, job.at), d.id);
    if (job.withheld) stats.withheld += 1;
    else stats.published += 1;
    if (job.late) stats.late += 1;
  }
  return stats;
}

const PERIODIC: Record<string, Template> = { ...VILLAGE_PERIODIC, ...PARTY_PERIODIC, ...GOV_PERIODIC };

async function loadActors(ctx: OpContext): Promise<Map<string, Actor>> {
  const people = await ctx.db
    .selectFrom('people')
    .select(['id', 'username'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .execute();
  const out = new Map<string, Actor>();
  for (const p of people) {
    const a = await loadPersonActor(ctx.db, ctx.actor.tenantId, p.id);
    if (a) out.set(p.username, a);
  }
  return out;
}

/** A day in (period end, due] — the k-th working day after the period, k ≤ the entry's limit. */
function onTimeDay(cal: WorkingCalendar, periodEnd: string, due: string, limit: number, rng: Rng): string {
  const k = rng.int(1, Math.max(1, Math.min(limit, 8)));
  const d = cal.addWorkingDays(periodEnd, k).date;
  return d <= due ? d : due;
}

function workingDayOnOrAfter(cal: WorkingCalendar, day: string): string {
  let d = day;
  for (let i = 0; i < 10 && !cal.isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** Office hours on that day, never after the seed's clock. */
function instantOn(day: string, rng: Rng, t: DemoTimeline): Date {
  const at = new Date(beijingInstant(day, rng.int(9, 16)).getTime() + rng.int(0, 59) * 60_000);
  return at < t.now ? at : new Date(t.now.getTime() - 10 * 60_000);
}

/**
 * A fraction of the unit's time on the platform: from a day after it joined to two hours before
 * the clock (units that joined this month: from 30 minutes after to 30 minutes before), moved to
 * the next working day when there is room.
 */
function eventInstant(f: number, joined: Date, t: DemoTimeline, cal: WorkingCalendar): Date {
  const long = t.now.getTime() - joined.getTime() > 10 * 86400_000;
  const from = joined.getTime() + (long ? 86400_000 : 30 * 60_000);
  const to = t.now.getTime() - (long ? 2 * 3600_000 : 30 * 60_000);
  const raw = new Date(from + Math.max(0, to - from) * f);
  if (!long) return raw;
  const day = workingDayOnOrAfter(cal, beijingDate(raw));
  const moved = new Date(beijingInstant(day, 10).getTime() + (raw.getTime() % 3600_000));
  return moved.getTime() < to ? moved : raw;
}

/** The journal month a village finance obligation reads: the month, or a quarter's last month. */
function ledgerMonth(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`;
  const m = /^(\d{4})-M(\d{2})$/.exec(key);
  return m ? `${m[1]}-${m[2]}` : '';
}

const CLERKS: Record<string, { clerk: string; supervisor: string }> = {
  'QS-V-TAOYUAN-01': { clerk: '黄小燕', supervisor: '钟明华' },
  'QS-V-TAOYUAN-02': { clerk: '邱美兰', supervisor: '曾庆福' },
};

/** The pilot villages' journals from go-live to this month, balances carried month to month. */
function villageLedgers(t: DemoTimeline): Map<string, Ledger> {
  const out = new Map<string, Ledger>();
  for (const [code, people] of Object.entries(CLERKS)) {
    const name = DEMO_UNITS.find((u) => u.code === code)!.name;
    let balance = openingBalance(new Rng(`opening|${code}`));
    let y = Number(t.launchDay.slice(0, 4));
    let m = Number(t.launchDay.slice(5, 7));
    for (let i = 0; i <= 12; i++) {
      const l = monthlyLedger(name, people, y, m, balance, new Rng(`ledger|${code}|${y}-${m}`));
      out.set(`${code}|${y}-${String(m).padStart(2, '0')}`, l);
      balance = l.closing;
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    }
  }
  return out;
}

/** The text context of an item of this unit. */
function context(
  u: DemoUnit,
  units: Map<string, DemoUnit>,
  day: string,
  rng: Rng,
  periodKey?: string,
): ItemContext {
  const host = u.hostCode ? units.get(u.hostCode) : undefined;
  const place = host ?? u;
  const township =
    place.kind === 'village' || place.kind === 'community'
      ? units.get(place.parentCode)
      : place.kind === 'township' || place.kind === 'street'
        ? place
        : undefined;
  const town = township?.name ?? '';
  let short = u.name;
  let self = '本单位';
  switch (u.kind) {
    case 'village':
      self = '本村';
      break;
    case 'community':
      self = '本社区';
      break;
    case 'township':
      self = u.name.endsWith('乡') ? '本乡' : '本镇';
      break;
    case 'street':
      self = '本街道';
      break;
    case 'department':
      short = u.name.replace(/^青山县/, '县');
      self = u.name.endsWith('委员会') ? '本委' : '本局';
      break;
    case 'party_branch':
      short = `${host?.name ?? u.name}党支部`;
      self = '本支部';
      break;
    case 'party_general_branch':
      short = `${host?.name ?? u.name}党总支`;
      self = '本总支';
      break;
  }
  const m = periodKey ? /^(\d{4})-(?:M(\d{2})|Q(\d)|H(\d)|Y)$/.exec(periodKey) : null;
  const decided = addDays(day, -rng.int(1, 5));
  return {
    unit: u.name,
    self,
    short,
    town,
    periodKey,
    label: periodKey ? periodLabel(periodKey) : '',
    year: m ? Number(m[1]) : Number(day.slice(0, 4)),
    month: m?.[2] ? Number(m[2]) : 0,
    quarter: m?.[3] ? Number(m[3]) : m?.[2] ? Math.ceil(Number(m[2]) / 3) : 0,
    half: m?.[4] ? Number(m[4]) : 0,
    day,
    decided,
    rng,
  };
}
