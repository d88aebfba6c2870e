import ExcelJS from 'exceljs';
import { makePerson, makeUnit } from '../../test/helpers/factories.ts';
import { type Client, startTestApp } from '../../test/helpers/server.ts';
import { addGuidingEntry } from '../catalog/add-guiding-entry.ts';
import { createGuidingCatalog } from '../catalog/create-guiding-catalog.ts';
import type { RoleName } from '../db/types.ts';
import { deriveObligations } from '../obligations/derive-obligations.ts';

/** Test data for the disclosure tests (not a test file itself). The server's clock: 2026-03-02. */
export const VALID_ID = '11010519491231002X';

export async function disclosureWorld() {
  const t = await startTestApp();
  const w = t.world;
  const gov = await makeUnit(w, w.rootId, 'county', '县政府', 'GOV');
  const town = await makeUnit(w, gov.id, 'township', '甲镇', 'TA');
  const v1 = await makeUnit(w, town.id, 'village', '一村', 'V1');
  const v2 = await makeUnit(w, town.id, 'village', '二村', 'V2');
  const cpc = await makeUnit(w, w.rootId, 'party_committee', '县委', 'CPC');
  const branchA = await makeUnit(w, cpc.id, 'party_branch', '一村党支部', 'PA1');
  const branchB = await makeUnit(w, cpc.id, 'party_branch', '二村党支部', 'PB1');

  const villageCatalog = await createGuidingCatalog(w.system, {
    ownerUnitId: w.rootId,
    unitKind: 'village',
    domain: 'finance',
    name: '村级财务公开目录',
  });
  const partyCatalog = await createGuidingCatalog(w.system, {
    ownerUnitId: w.rootId,
    unitKind: 'party_branch',
    domain: 'party',
    name: '党支部党务公开目录',
  });
  const base = { mode: 'proactive', audience: 'public', requiredChannels: ['portal'] } as const;
  const entries = {
    quarterly: await addGuidingEntry(w.system, villageCatalog.id, {
      ...base,
      level1: '财务收支',
      item: '财务收支明细',
      timing: 'periodic',
      period: 'quarterly',
    }),
    standing: await addGuidingEntry(w.system, villageCatalog.id, {
      ...base,
      level1: '村务管理',
      item: '村规民约',
      timing: 'standing',
    }),
    partyInternal: await addGuidingEntry(w.system, partyCatalog.id, {
      ...base,
      audience: 'partyInternal',
      level1: '组织建设',
      item: '党费收缴情况',
      timing: 'standing',
    }),
  };
  await deriveObligations(w.system, { until: '2026-03-02' });

  const person = async (unitId: string, role: RoleName, coversSubtree = false) => {
    const p = await makePerson(w, unitId, [{ role, unitId, coversSubtree }]);
    const c = t.client();
    await c.signIn(p.username);
    return { id: p.id, c };
  };
  const people = {
    pub1: await person(v1.id, 'publisher'),
    pub1b: await person(v1.id, 'publisher'),
    rev1: await person(v1.id, 'reviewer'),
    app1: await person(v1.id, 'approver'),
    pub2: await person(v2.id, 'publisher'),
    memberA: await person(branchA.id, 'party_member'),
    memberB: await person(branchB.id, 'party_member'),
    townOffice: await person(town.id, 'office', true),
  };
  return { t, w, units: { gov, town, v1, v2, cpc, branchA, branchB }, entries, people };
}
export type DisclosureWorld = Awaited<ReturnType<typeof disclosureWorld>>;

export async function xlsxWith(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收支明细');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Creates a draft through the form and returns its id (from the redirect). */
export async function draftVia(c: Client, form: Record<string, string>): Promise<string> {
  const res = await c.post('/admin/disclosures', { form });
  if (res.statusCode !== 303) throw new Error(`draft failed ${res.statusCode}: ${res.body.slice(0, 500)}`);
  const m = /\/admin\/disclosures\/([0-9a-f-]{36})/.exec(String(res.headers.location));
  if (!m) throw new Error(`no id in ${res.headers.location}`);
  return m[1];
}
