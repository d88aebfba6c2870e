import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDb } from '../../test/helpers/db.ts';
import { loadPersonActor } from '../auth/actor.ts';
import { DEMO_PASSWORD, verifyPassword } from '../auth/passwords.ts';
import { ROLES } from '../auth/policy.ts';
import type { UnitKind } from '../db/types.ts';
import { DEMO_PEOPLE, DEMO_UNITS } from './county-data.ts';
import { seedDemo } from './seed-demo.ts';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const PARTY_KINDS: UnitKind[] = ['party_committee', 'party_general_branch', 'party_branch', 'party_group'];

test('demo data is well formed before it touches a database', () => {
  const codes = DEMO_UNITS.map((u) => u.code);
  assert.equal(new Set(codes).size, codes.length, 'unit codes are unique');
  const seen = new Set(['qingshan']);
  for (const u of DEMO_UNITS) {
    assert.ok(seen.has(u.parentCode), `${u.code}: parent ${u.parentCode} comes first`);
    if (u.hostCode) assert.ok(seen.has(u.hostCode), `${u.code}: host ${u.hostCode} comes first`);
    // Party organisations are the QS-CPC… codes; only they point at a host unit.
    assert.equal(PARTY_KINDS.includes(u.kind), u.code.startsWith('QS-CPC'), u.code);
    if (u.hostCode) assert.ok(PARTY_KINDS.includes(u.kind), u.code);
    seen.add(u.code);
  }
  const usernames = DEMO_PEOPLE.map((p) => p.username);
  assert.equal(new Set(usernames).size, usernames.length, 'usernames are unique');
  for (const p of DEMO_PEOPLE) {
    assert.match(p.username, /^[a-z][a-z0-9._-]{2,31}$/);
    assert.ok(p.description.length > 0);
  }
});

// The county's structure; its year of disclosures (the default) is checked in disclosures/demo-history.test.ts.
test('seedDemo builds the county, its party organisations and one person per role', async (t) => {
  const h = await freshDb();
  try {
    const started = performance.now();
    const first = await seedDemo(h.db, NOW, { history: false });
    const ms = Math.round(performance.now() - started);
    t.diagnostic(`seedDemo on ${h.dialect}: ${ms} ms`);
    assert.equal(first.created, true);

    const units = await h.db
      .selectFrom('units')
      .selectAll()
      .where('tenant_id', '=', first.tenantId)
      .execute();
    const byCode = new Map(units.map((u) => [u.code, u]));
    const count = (...kinds: UnitKind[]) => units.filter((u) => kinds.includes(u.kind)).length;
    assert.equal(units.length, DEMO_UNITS.length + 1, 'every demo unit plus the region root');
    assert.equal(count('county'), 1);
    assert.equal(count('office'), 1);
    assert.ok(count('township', 'street') >= 6);
    assert.ok(count('department') >= 20);
    assert.ok(count('village', 'community') >= 30);
    assert.equal(new Set(units.map((u) => u.code)).size, units.length, 'codes are unique');

    // Party organisations live in the party sphere, and their hosts in the government sphere.
    const party = units.filter((u) => PARTY_KINDS.includes(u.kind));
    assert.ok(party.length >= 30);
    for (const u of party) {
      assert.equal(u.sphere, 'party', u.code);
      if (u.host_unit_id) assert.equal(units.find((h) => h.id === u.host_unit_id)?.sphere, 'government');
    }
    const root = byCode.get('qingshan')!;
    assert.equal(root.kind, 'region');
    assert.equal(byCode.get('QS-CPC')!.parent_id, root.id);
    assert.equal(byCode.get('QS-GOV')!.parent_id, root.id);
    assert.equal(byCode.get('QS-GKB')!.parent_id, byCode.get('QS-GOV')!.id);
    // Every village/community has a party organisation hosted in it, under its township committee.
    for (const v of units.filter((u) => u.kind === 'village' || u.kind === 'community')) {
      const org = party.find((p) => p.host_unit_id === v.id);
      assert.ok(org, `${v.code} has a party organisation`);
      const committee = units.find((u) => u.id === org.parent_id)!;
      assert.equal(committee.kind, 'party_committee');
      assert.equal(committee.host_unit_id, v.parent_id);
    }

    const people = await h.db
      .selectFrom('people')
      .selectAll()
      .where('tenant_id', '=', first.tenantId)
      .execute();
    assert.equal(people.length, DEMO_PEOPLE.length);
    assert.ok(people.every((p) => p.must_change_password === 0));
    const grants = await h.db
      .selectFrom('grants')
      .selectAll()
      .where('tenant_id', '=', first.tenantId)
      .execute();
    for (const role of ROLES)
      assert.ok(
        grants.some((g) => g.role === role),
        `someone holds ${role}`,
      );

    const office = people.find((p) => p.username === 'office')!;
    assert.equal(office.unit_id, byCode.get('QS-GKB')!.id);
    assert.ok(await verifyPassword(office.password_hash, DEMO_PASSWORD));
    assert.ok(
      grants.some(
        (g) =>
          g.person_id === office.id && g.role === 'office' && g.unit_id === root.id && g.covers_subtree === 1,
      ),
    );
    const actor = await loadPersonActor(h.db, first.tenantId, office.id);
    assert.ok(actor);
    const g = actor.grants.find((x) => x.role === 'office');
    assert.equal(g?.unitSphere, 'region');
    assert.equal(g?.coversSubtree, true);

    // Seeding again is a no-op.
    const auditBefore = await h.db.selectFrom('audit_log').select('id').execute();
    const second = await seedDemo(h.db, NOW, { history: false });
    assert.deepEqual(second, { created: false, tenantId: first.tenantId });
    assert.equal((await h.db.selectFrom('units').select('id').execute()).length, units.length);
    assert.equal((await h.db.selectFrom('people').select('id').execute()).length, people.length);
    assert.equal((await h.db.selectFrom('grants').select('id').execute()).length, grants.length);
    assert.equal((await h.db.selectFrom('tenants').select('id').execute()).length, 1);
    assert.equal((await h.db.selectFrom('audit_log').select('id').execute()).length, auditBefore.length);
  } finally {
    await h.cleanup();
  }
});
