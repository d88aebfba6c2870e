import { makePerson, makeUnit } from '../../../test/helpers/factories.ts';
import { type Client, startTestApp } from '../../../test/helpers/server.ts';
import type { RoleName } from '../../db/types.ts';
import type { Config } from '../../server/config.ts';

/**
 * Test data for the feedback tests (not a test file). Clock: 2026-03-02 10:00 China time (Monday).
 * Units: county government → township 甲镇 (TA) → villages 桃源村 (VA) and 李村 (VB); township 乙镇
 * (TB). People: the county office, each village's publisher, the county inspector (纪检) and one
 * of 乙镇 only.
 */
export async function feedbackWorld(opts: { config?: Partial<Config> } = {}) {
  const t = await startTestApp({ config: opts.config });
  const w = t.world;
  const gov = await makeUnit(w, w.rootId, 'county', '县政府', 'GOV');
  const town = await makeUnit(w, gov.id, 'township', '甲镇', 'TA');
  const townB = await makeUnit(w, gov.id, 'township', '乙镇', 'TB');
  const va = await makeUnit(w, town.id, 'village', '桃源村', 'VA');
  const vb = await makeUnit(w, town.id, 'village', '李村', 'VB');
  const person = async (unitId: string, role: RoleName, coversSubtree = false) => {
    const p = await makePerson(w, unitId, [{ role, unitId, coversSubtree }]);
    const c = t.client();
    await c.signIn(p.username);
    return { id: p.id, c, actor: p.actor, username: p.username };
  };
  const people = {
    office: await person(w.rootId, 'office', true),
    pubA: await person(va.id, 'publisher'),
    pubB: await person(vb.id, 'publisher'),
    inspector: await person(w.rootId, 'inspector', true),
    inspectorB: await person(townB.id, 'inspector', true),
  };
  return { t, w, units: { gov, town, townB, va, vb }, people };
}
export type FeedbackWorld = Awaited<ReturnType<typeof feedbackWorld>>;

export function message(more: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'suggestion',
    subject: '村道路灯损坏',
    body: `村东头的三盏路灯坏了一个月，晚上出行不便，请尽快修理。${Math.random().toString(36).slice(2, 8)}`,
    name: '张三',
    phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    ...more,
  };
}

export function ackKeys(body: string): { code: string; secret: string } {
  const code = /id="tracking-code">([^<]+)</.exec(body)?.[1];
  const secret = /id="tracking-secret">([^<]+)</.exec(body)?.[1];
  if (!code || !secret) throw new Error(`no tracking keys on the page: ${body.slice(0, 800)}`);
  return { code, secret };
}

/** Writes through the public form as an anonymous visitor; returns the response. */
export function writeTo(c: Client, unitCode: string, form: Record<string, string>, ip?: string) {
  return c.post(`/units/${unitCode}/feedback`, { form, ip });
}

/** The id of a message by tracking code (tests only). */
export async function idOf(x: FeedbackWorld, code: string): Promise<string> {
  const r = await x.t.db.db
    .selectFrom('feedback')
    .select('id')
    .where('tracking_code', '=', code)
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Moves the server clock and signs everyone in again (sessions time out after 8 idle hours). */
export async function moveClock(x: FeedbackWorld, to: Date): Promise<void> {
  x.t.clock.current = to;
  for (const p of Object.values(x.people)) await p.c.signIn(p.username);
}
