import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { approveDisclosure } from './approve-disclosure.ts';
import { runVerifyChain } from './chain.ts';
import { createDraft } from './create-draft.ts';
import { type DisclosureWorld, disclosureWorld } from './disclosure-fixture.ts';
import { publishDisclosure } from './publish-disclosure.ts';
import { reviewDisclosure } from './review-disclosure.ts';
import { submitDisclosure } from './submit-disclosure.ts';

let x: DisclosureWorld;
let partyId: string;
let fileId: string;
let fingerprint: string;

async function publishAsSystem(input: Record<string, unknown>, file?: Buffer): Promise<string> {
  const ctx = x.w.system;
  const d = await createDraft(ctx, input);
  if (file) {
    const { addAttachment } = await import('./add-attachment.ts');
    fileId = (await addAttachment(ctx, d.id, { name: '名单.png', content: file }, 1024 * 1024)).fileId;
  }
  await submitDisclosure(ctx, d.id);
  await reviewDisclosure(ctx, d.id);
  await approveDisclosure(ctx, d.id);
  await publishDisclosure(ctx, d.id);
  return d.id;
}

// a 1×1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

before(async () => {
  x = await disclosureWorld();
  partyId = await publishAsSystem(
    {
      unitId: x.units.branchA.id,
      entryId: x.entries.partyInternal.id,
      title: '一村党支部2026年第一季度党费收缴情况',
      bodyHtml: '应缴 20 人，实缴 20 人。',
      decidedOn: '2026-02-27',
    },
    PNG,
  );
  const v = await x.t.db.db
    .selectFrom('disclosure_versions')
    .select('fingerprint')
    .where('disclosure_id', '=', partyId)
    .executeTakeFirstOrThrow();
  fingerprint = v.fingerprint;
});
after(() => x.t.close());

test('a 党内公开 item answers 404 to anonymous visitors and to members of another branch, on every channel here', async () => {
  for (const c of [x.t.client(), x.people.memberB.c, x.people.pub2.c]) {
    assert.equal((await c.get(`/d/${partyId}`)).statusCode, 404);
    assert.equal((await c.api('GET', `/api/v1/public/disclosures/${partyId}`)).statusCode, 404);
    assert.equal((await c.get(`/d/${partyId}/files/${fileId}`)).statusCode, 404);
    const v = await c.get(`/verify?fp=${fingerprint}`);
    assert.doesNotMatch(v.body, new RegExp(partyId));
    assert.doesNotMatch(v.body, /党费/);
    const byFile = await c.upload('/verify', {}, { field: 'file', filename: 'x.png', content: PNG });
    assert.equal(byFile.statusCode, 200, byFile.body.slice(0, 300));
    assert.doesNotMatch(byFile.body, new RegExp(partyId));
  }
});

test('members of the right branch see it, its attachment and its verification', async () => {
  const c = x.people.memberA.c;
  const page = await c.get(`/d/${partyId}`);
  assert.equal(page.statusCode, 200);
  const api = await c.api('GET', `/api/v1/public/disclosures/${partyId}`);
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().versions[0].fingerprint, fingerprint);
  assert.match(page.body, /党费收缴情况/);
  const file = await c.get(`/d/${partyId}/files/${fileId}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/png');
  assert.match((await c.get(`/verify?fp=${fingerprint}`)).body, new RegExp(partyId));
  const byFile = await c.upload('/verify', {}, { field: 'file', filename: 'x.png', content: PNG });
  assert.equal(byFile.statusCode, 200);
  assert.match(byFile.body, new RegExp(partyId));
});

test('verify-chain passes, then fails naming the version edited behind the application', async () => {
  // a second item in the same unit, so the chain has a link to check
  const second = await publishAsSystem({
    unitId: x.units.branchA.id,
    entryId: x.entries.partyInternal.id,
    title: '党员发展情况',
    bodyHtml: '本季度无新发展党员。',
    decidedOn: '2026-03-01',
  });
  const good = await runVerifyChain({ db: x.t.db.db }, 'PA1');
  assert.equal(good.ok, true, good.lines.join('\n'));
  assert.equal(good.code, 0);

  const v = await x.t.db.db
    .selectFrom('disclosure_versions')
    .select(['id', 'version'])
    .where('disclosure_id', '=', partyId)
    .executeTakeFirstOrThrow();
  await sql`UPDATE disclosure_versions SET title = ${'篡改后的标题'} WHERE id = ${v.id}`.execute(x.t.db.db);
  const bad = await runVerifyChain({ db: x.t.db.db });
  assert.equal(bad.ok, false);
  assert.equal(bad.code, 1);
  const fail = bad.lines.find((l) => l.startsWith('FAIL'));
  assert.ok(fail, bad.lines.join('\n'));
  assert.match(fail, new RegExp(v.id));
  assert.match(fail, /PA1/);
  assert.ok(!bad.lines.some((l) => l.includes(second) && l.startsWith('FAIL')));
  assert.equal((await runVerifyChain({ db: x.t.db.db }, 'NOPE')).code, 2);
});
