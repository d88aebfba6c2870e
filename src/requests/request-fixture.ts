import { makePerson, makeUnit } from '../../test/helpers/factories.ts';
import { type Client, startTestApp } from '../../test/helpers/server.ts';
import type { RoleName } from '../db/types.ts';
import type { Config } from '../server/config.ts';

/**
 * Test data for the request tests (not a test file). The server's clock: 2026-03-02 10:00 China
 * time (a Monday). Units: county office tree with two departments (A, B) and a township.
 */
export const VALID_ID = '11010519491231002X';

export async function requestWorld(opts: { config?: Partial<Config> } = {}) {
  const t = await startTestApp({ config: opts.config });
  const w = t.world;
  const gov = await makeUnit(w, w.rootId, 'county', '县政府', 'GOV');
  const deptA = await makeUnit(w, gov.id, 'department', '县自然资源局', 'DA');
  const deptB = await makeUnit(w, gov.id, 'department', '县住建局', 'DB');
  const town = await makeUnit(w, gov.id, 'township', '甲镇', 'TA');
  const person = async (unitId: string, role: RoleName, coversSubtree = false) => {
    const p = await makePerson(w, unitId, [{ role, unitId, coversSubtree }]);
    const c = t.client();
    await c.signIn(p.username);
    return { id: p.id, c, actor: p.actor, username: p.username };
  };
  const people = {
    office: await person(w.rootId, 'office', true),
    pubA: await person(deptA.id, 'publisher'),
    appA: await person(deptA.id, 'approver'),
    revA: await person(deptA.id, 'reviewer'),
    pubB: await person(deptB.id, 'publisher'),
  };
  return { t, w, units: { gov, deptA, deptB, town }, people };
}
export type RequestWorld = Awaited<ReturnType<typeof requestWorld>>;

export function applicant(unitId: string, more: Record<string, string> = {}): Record<string, string> {
  return {
    unitId,
    applicantKind: 'natural_person',
    applicantName: '王小明',
    idNumber: VALID_ID,
    phone: '13812345678',
    email: 'wang@example.cn',
    address: '甲镇幸福路 8 号',
    description: '请公开 2025 年甲镇征地补偿标准及批复文件',
    provisionForm: 'electronic',
    obtainMethod: 'download',
    ...more,
  };
}

/** Registers a request through the page as staff; returns its id (channel in person, received today). */
export async function registerVia(c: Client, form: Record<string, string>): Promise<string> {
  const res = await c.post('/admin/requests', { form: { channel: 'in_person', ...form } });
  if (res.statusCode !== 201) throw new Error(`register failed ${res.statusCode}: ${res.body.slice(0, 500)}`);
  const m = /href="\/admin\/requests\/([0-9a-f-]{36})"/.exec(res.body);
  if (!m) throw new Error('no request link on the acknowledgement');
  return m[1];
}

export function ackKeys(body: string): { code: string; secret: string } {
  const code = /id="tracking-code">([^<]+)</.exec(body)?.[1];
  const secret = /id="tracking-secret">([^<]+)</.exec(body)?.[1];
  if (!code || !secret) throw new Error('no tracking keys on the page');
  return { code, secret };
}
