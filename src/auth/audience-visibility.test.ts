import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { makeUnit, makeWorld, type World } from '../../test/helpers/factories.ts';
import type { Audience, RoleName, Unit } from '../db/types.ts';
import { type Actor, anonymousActor, type EffectiveGrant, systemActor } from './actor.ts';
import { audienceVisibility, canSeeAudience } from './policy.ts';

/** audienceVisibility (SQL, for lists) must answer exactly what canSeeAudience (one item) answers. */
let db: TestDb;
let w: World;
let units: Unit[];
const AUDIENCES: Audience[] = ['public', 'partyInternal', 'unitInternal', 'specificGroup'];

before(async () => {
  db = await freshDb();
  w = await makeWorld(db.db);
  const gov = await makeUnit(w, w.rootId, 'county', '县政府');
  const town = await makeUnit(w, gov.id, 'township', '甲镇');
  const v1 = await makeUnit(w, town.id, 'village', '一村');
  const v2 = await makeUnit(w, town.id, 'village', '二村');
  const cpc = await makeUnit(w, w.rootId, 'party_committee', '县委');
  const townParty = await makeUnit(w, cpc.id, 'party_committee', '甲镇党委');
  const b1 = await makeUnit(w, townParty.id, 'party_branch', '一村党支部');
  const b2 = await makeUnit(w, townParty.id, 'party_branch', '二村党支部');
  const root = await db.db
    .selectFrom('units')
    .selectAll()
    .where('id', '=', w.rootId)
    .executeTakeFirstOrThrow();
  units = [root, gov, town, v1, v2, cpc, townParty, b1, b2];
});
after(() => db.cleanup());

function grant(u: Unit, role: RoleName, coversSubtree = false): EffectiveGrant {
  return {
    id: `g-${u.id}-${role}`,
    role,
    unitId: u.id,
    unitPath: u.path,
    unitSphere: u.sphere,
    coversSubtree,
  };
}
function person(grants: EffectiveGrant[]): Actor {
  return { kind: 'person', tenantId: w.tenantId, personId: 'p', name: 'p', username: 'p', grants };
}

test('the SQL audience filter agrees with canSeeAudience for every unit, audience and kind of visitor', async () => {
  const [root, gov, town, v1, , cpc, townParty, b1, b2] = units;
  const actors: [string, Actor][] = [
    ['anonymous', anonymousActor(w.tenantId)],
    ['system', systemActor(w.tenantId)],
    ['no grants', person([])],
    ['member of branch 1', person([grant(b1, 'party_member')])],
    ['member of branch 2', person([grant(b2, 'party_member')])],
    ['member of the town committee (subtree)', person([grant(townParty, 'party_member', true)])],
    ['member of the county committee (not subtree)', person([grant(cpc, 'party_member')])],
    ['village 1 publisher', person([grant(v1, 'publisher')])],
    ['village 1 supervisor (no view_internal)', person([grant(v1, 'supervisor')])],
    ['town office (subtree)', person([grant(town, 'office', true)])],
    ['county government inspector (subtree)', person([grant(gov, 'inspector', true)])],
    ['region office (subtree, both spheres)', person([grant(root, 'office', true)])],
    ['region party member (subtree)', person([grant(root, 'party_member', true)])],
    ['publisher of v1 and member of b2', person([grant(v1, 'publisher'), grant(b2, 'party_member')])],
  ];
  const values = sql.join(
    AUDIENCES.map((a) => sql`select ${a} as audience`),
    sql` union all `,
  );
  for (const [label, actor] of actors) {
    const rows = await db.db
      .selectFrom('units as u')
      .innerJoin(sql<{ audience: string }>`(${values})`.as('x'), (j) => j.onTrue())
      .select(['u.id', sql<string>`x.audience`.as('audience')])
      .where('u.tenant_id', '=', w.tenantId)
      .where(audienceVisibility(actor, 'u', 'x.audience'))
      .execute();
    const got = new Set(rows.map((r) => `${r.id}|${r.audience}`));
    for (const u of units)
      for (const a of AUDIENCES) {
        const expected = canSeeAudience(actor, a, { id: u.id, path: u.path, sphere: u.sphere });
        assert.equal(got.has(`${u.id}|${a}`), expected, `${label}: ${u.name} ${a}`);
      }
  }
});
