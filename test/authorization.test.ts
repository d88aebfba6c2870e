import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Unit } from '../src/db/types.ts';
import { makePerson, makeUnit } from './helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from './helpers/server.ts';

/**
 * Scope rules through HTTP: a township office manages its own subtree only; party and government
 * grants never cross; a retired unit's people lose access through it.
 */
describe('authorization scopes', () => {
  let t: TestApp;
  let gov: Unit;
  let townA: Unit;
  let townB: Unit;
  let villA: Unit;
  let villB: Unit;
  let partyA: Unit;
  let branchA: Unit;
  let officeA: Client;
  let partyOffice: Client;
  let personB: string;

  before(async () => {
    t = await startTestApp();
    const w = t.world;
    gov = await makeUnit(w, w.rootId, 'county', '县政府', 'GOV');
    townA = await makeUnit(w, gov.id, 'township', '甲镇', 'TA');
    townB = await makeUnit(w, gov.id, 'township', '乙镇', 'TB');
    villA = await makeUnit(w, townA.id, 'village', '甲一村', 'VA1');
    villB = await makeUnit(w, townB.id, 'village', '乙一村', 'VB1');
    const cpc = await makeUnit(w, w.rootId, 'party_committee', '县委', 'CPC');
    partyA = await makeUnit(w, cpc.id, 'party_committee', '甲镇党委', 'PA');
    branchA = await makeUnit(w, partyA.id, 'party_branch', '甲一村党支部', 'PA1');
    const oa = await makePerson(w, townA.id, [{ role: 'office', unitId: townA.id, coversSubtree: true }]);
    const po = await makePerson(w, partyA.id, [{ role: 'office', unitId: partyA.id, coversSubtree: true }]);
    personB = (await makePerson(w, villB.id)).id;
    officeA = t.client();
    await officeA.signIn(oa.username);
    partyOffice = t.client();
    await partyOffice.signIn(po.username);
  });
  after(() => t.close());

  test("township A's office sees only its own subtree", async () => {
    const res = await officeA.api('GET', '/api/v1/units');
    assert.equal(res.statusCode, 200);
    const names = res
      .json()
      .items.map((u: { name: string }) => u.name)
      .sort();
    assert.deepEqual(names, ['甲一村', '甲镇']);
    const page = await officeA.get('/admin/units');
    assert.match(page.body, /甲一村/);
    assert.doesNotMatch(page.body, /乙镇|乙一村/);
  });

  test("township A's office cannot read or change township B's units", async () => {
    assert.equal((await officeA.api('GET', `/api/v1/units/${townB.id}`)).statusCode, 404);
    assert.equal((await officeA.get(`/admin/units/${villB.id}`)).statusCode, 404);
    const rename = await officeA.api('PATCH', `/api/v1/units/${villB.id}`, { name: '改名' });
    assert.equal(rename.statusCode, 404);
    const create = await officeA.api('POST', '/api/v1/units', {
      parentId: townB.id,
      code: 'X1',
      name: '越权村',
      kind: 'village',
    });
    assert.equal(create.statusCode, 422);
    assert.equal(create.json().error.fields[0].code, 'unit.parent_not_found');
    const move = await officeA.api('POST', `/api/v1/units/${villA.id}/move`, { parentId: townB.id });
    assert.equal(move.statusCode, 422);
    const retire = await officeA.api('POST', `/api/v1/units/${villB.id}/retire`, { reason: '越权' });
    assert.equal(retire.statusCode, 404);
    const unchanged = await t.db.db
      .selectFrom('units')
      .select(['name', 'status'])
      .where('id', '=', villB.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(unchanged, { name: '乙一村', status: 'active' });
  });

  test("township A's office cannot see or change township B's people", async () => {
    const list = await officeA.api('GET', '/api/v1/people');
    assert.ok(!list.json().items.some((p: { id: string }) => p.id === personB));
    assert.equal((await officeA.api('GET', `/api/v1/people/${personB}`)).statusCode, 404);
    const upd = await officeA.api('PATCH', `/api/v1/people/${personB}`, {
      displayName: 'x',
      unitId: villA.id,
    });
    assert.equal(upd.statusCode, 404);
    const grant = await officeA.api('POST', '/api/v1/grants', {
      personId: personB,
      role: 'publisher',
      unitId: villA.id,
    });
    assert.equal(grant.statusCode, 422);
    assert.equal(grant.json().error.fields[0].code, 'person.not_found');
    const grantB = await officeA.api('POST', '/api/v1/grants', {
      personId: personB,
      role: 'publisher',
      unitId: villB.id,
    });
    assert.equal(grantB.statusCode, 422);
    assert.equal(grantB.json().error.fields[0].code, 'unit.not_found');
  });

  test('a party-organisation grant gives no rights over government units', async () => {
    const list = await partyOffice.api('GET', '/api/v1/units');
    const names = list
      .json()
      .items.map((u: { name: string }) => u.name)
      .sort();
    assert.deepEqual(names, ['甲一村党支部', '甲镇党委']);
    assert.equal((await partyOffice.api('GET', `/api/v1/units/${villA.id}`)).statusCode, 404);
    const create = await partyOffice.api('POST', '/api/v1/units', {
      parentId: townA.id,
      code: 'X2',
      name: 'x',
      kind: 'village',
    });
    assert.equal(create.statusCode, 422);
    // a party branch cannot be placed under a government unit either
    const badSphere = await partyOffice.api('POST', '/api/v1/units', {
      parentId: partyA.id,
      code: 'X3',
      name: '新村',
      kind: 'village',
    });
    assert.equal(badSphere.statusCode, 422);
    assert.equal(badSphere.json().error.fields[0].code, 'unit.sphere_mismatch');
  });

  test('and a government grant gives no rights over party organisations', async () => {
    assert.equal((await officeA.api('GET', `/api/v1/units/${branchA.id}`)).statusCode, 404);
    const rename = await officeA.api('PATCH', `/api/v1/units/${branchA.id}`, { name: '改名' });
    assert.equal(rename.statusCode, 404);
  });

  test("a retired unit's people lose access through it", async () => {
    const w = t.world;
    const vill = await makeUnit(w, townA.id, 'village', '将撤销村', 'VA9');
    const p = await makePerson(w, vill.id, [{ role: 'office', unitId: vill.id, coversSubtree: true }]);
    const c = t.client();
    await c.signIn(p.username);
    assert.equal((await c.api('GET', `/api/v1/units/${vill.id}`)).statusCode, 200);
    const retire = await officeA.api('POST', `/api/v1/units/${vill.id}/retire`, { reason: '合并到甲一村' });
    assert.equal(retire.statusCode, 200, retire.body);
    assert.equal(retire.json().status, 'retired');
    const after = await c.api('GET', `/api/v1/units/${vill.id}`);
    assert.equal(after.statusCode, 404);
    assert.equal((await c.api('GET', '/api/v1/units')).json().total, 0);
    assert.equal((await c.get('/admin')).statusCode, 403);
    // and nothing can be changed on the retired unit, even by its office
    const rename = await officeA.api('PATCH', `/api/v1/units/${vill.id}`, { name: '复活' });
    assert.equal(rename.statusCode, 409);
  });

  test('the county office (region root grant) reaches both spheres', async () => {
    const county = await makePerson(t.world, gov.id, [
      { role: 'office', unitId: t.world.rootId, coversSubtree: true },
    ]);
    const c = t.client();
    await c.signIn(county.username);
    const names = (await c.api('GET', '/api/v1/units')).json().items.map((u: { name: string }) => u.name);
    assert.ok(names.includes('乙一村') && names.includes('甲一村党支部'));
  });
});
