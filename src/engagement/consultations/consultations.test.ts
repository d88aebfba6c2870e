import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type DisclosureWorld, disclosureWorld } from '../../disclosure/disclosure-fixture.ts';
import { saveSensitiveWords } from '../sensitive-words.ts';

/**
 * Consultations (预公开 / 征求意见) through HTTP on a real database: draft → open → comments and
 * moderation → period over → adoption report → final decision through the disclosure workflow.
 * The clock starts on 2026-03-02 (China date); one file, steps in order.
 */
let x: DisclosureWorld;
before(async () => {
  x = await disclosureWorld();
});
after(() => x.t.close());

const TEXT =
  '第一条 为规范村级事务管理，制定本村规民约。\n第二条 村民应当爱护公共设施。\n第三条 本规约自村民代表会议通过之日起施行。';
/** Moves the server's clock; sessions expire over days, so the staff sign in again. */
const at = async (iso: string) => {
  x.t.clock.current = new Date(iso);
  for (const p of [x.people.pub1, x.people.pub2, x.people.rev1, x.people.app1]) {
    const { username } = await x.t.db.db
      .selectFrom('people')
      .select('username')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    await p.c.signIn(username);
  }
};
const row = (id: string) =>
  x.t.db.db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const comments = (id: string) =>
  x.t.db.db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('consultation_id', '=', id)
    .orderBy('submitted_at')
    .execute();
const idFrom = (location: string | undefined) =>
  /\/admin\/consultations\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

async function draft(title = '一村村规民约（修订征求意见稿）'): Promise<string> {
  const res = await x.people.pub1.c.post('/admin/consultations', {
    form: { unitId: x.units.v1.id, title, explanation: '根据村民代表建议修订。\n共三条。', text: TEXT },
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
  return idFrom(res.headers.location as string);
}

let cid = '';

test('a draft is private to the unit: edited by its staff, 404 for others and the public', async () => {
  await at('2026-03-02T02:00:00Z');
  cid = await draft();
  const c = await row(cid);
  assert.equal(c.state, 'draft');
  const paras = await x.t.db.db
    .selectFrom('consultation_paragraphs')
    .selectAll()
    .where('consultation_id', '=', cid)
    .orderBy('number')
    .execute();
  assert.deepEqual(
    paras.map((p) => p.number),
    [1, 2, 3],
  );
  const edit = await x.people.pub1.c.post(`/admin/consultations/${cid}`, {
    form: {
      title: c.title,
      explanation: c.explanation,
      text: `${TEXT}\n第四条 本规约由村民委员会负责解释。`,
    },
  });
  assert.equal(edit.statusCode, 303, edit.body.slice(0, 300));
  // another village's publisher and the village's reviewer (no consultation.manage): not found
  assert.equal((await x.people.pub2.c.get(`/admin/consultations/${cid}`)).statusCode, 404);
  assert.equal(
    (
      await x.people.pub2.c.post(`/admin/consultations/${cid}/open`, {
        form: { opensOn: '2026-03-02', closesOn: '2026-03-20' },
      })
    ).statusCode,
    404,
  );
  assert.equal((await x.people.rev1.c.get(`/admin/consultations/${cid}`)).statusCode, 404);
  assert.equal((await x.people.pub2.c.api('GET', `/api/v1/consultations/${cid}`)).statusCode, 404);
  // creating for another unit: 404 (pub2 cannot see v1)
  const other = await x.people.pub2.c.api('POST', '/api/v1/consultations', {
    unitId: x.units.v1.id,
    title: 't',
    explanation: 'e',
    text: 'x',
  });
  assert.equal(other.statusCode, 404);
  const anon = x.t.client();
  assert.equal((await anon.get(`/consultations/${cid}`)).statusCode, 404);
  assert.doesNotMatch((await anon.get('/consultations')).body, /村规民约/);
});

test('opening checks the dates and the minimum period; the published text is immutable', async () => {
  const c = x.people.pub1.c;
  const open = (opensOn: string, closesOn: string) =>
    c.post(`/admin/consultations/${cid}/open`, { form: { opensOn, closesOn } });
  const short = await open('2026-03-02', '2026-03-05');
  assert.equal(short.statusCode, 422);
  assert.match(short.body, /征求意见期不少于 7 天/);
  assert.equal((await open('2026-03-10', '2026-03-09')).statusCode, 422);
  assert.match((await open('2026-03-01', '2026-03-20')).body, /开始日期不能早于今天/);
  assert.equal((await open('2026-03-02', '2026-03-16')).statusCode, 303);
  const edit = await c.post(`/admin/consultations/${cid}`, {
    form: { title: '改', explanation: '改', text: '改' },
  });
  assert.equal(edit.statusCode, 409);
  assert.match(edit.body, /不可再修改/);
  const api = await c.api('PATCH', `/api/v1/consultations/${cid}`, {
    title: '改',
    explanation: '改',
    text: '改',
  });
  assert.equal(api.statusCode, 409);
  assert.equal((await row(cid)).title, '一村村规民约（修订征求意见稿）');

  const anon = x.t.client();
  const page = await anon.get(`/consultations/${cid}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /id="p-4"/);
  assert.match(page.body, /对本条提意见/);
  assert.match(page.body, /剩余 15 天/);
  const list = await anon.get('/consultations');
  assert.match(list.body, /一村村规民约/);
  const unitPage = await anon.get('/units/V1');
  assert.equal(unitPage.statusCode, 200);
  assert.match(unitPage.body, /一村村规民约（修订征求意见稿）/);
  assert.match(unitPage.body, /剩余 15 天/);
});

test('comments are moderated: pending hidden, approved shown masked, rejected never; flags and honeypot', async () => {
  await saveSensitiveWords(x.w.system, { words: '赌博' });
  const anon = x.t.client();
  await anon.get(`/consultations/${cid}?p=2`);
  const post = (form: Record<string, string>, ip = '10.1.0.1') =>
    anon.post(`/consultations/${cid}/comments`, { form, ip });
  const ok = await post({
    paragraph: '2',
    body: '建议第二条增加爱护路灯，联系我 13812345678',
    name: '张三',
    contact: 'zs@example.cn',
  });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  assert.equal((await post({ paragraph: '', body: '全文总体同意。' })).statusCode, 303);
  assert.equal((await post({ paragraph: '1', body: '有人在村里赌博，应写入禁止条款' })).statusCode, 303);
  assert.equal((await post({ paragraph: '9', body: '不存在的段' })).statusCode, 422);
  assert.equal((await post({ paragraph: '1', body: 'x' })).statusCode, 422);
  // honeypot: looks accepted, nothing stored
  assert.equal((await post({ paragraph: '1', body: '广告广告', website: 'http://spam' })).statusCode, 303);
  const rows = await comments(cid);
  assert.equal(rows.length, 3);
  assert.ok(rows.every((k) => k.status === 'pending'));
  assert.deepEqual(JSON.parse(rows[0].flag_personal ?? '[]'), ['mobile']);
  assert.deepEqual(JSON.parse(rows[2].flag_words ?? '[]'), ['赌博']);
  assert.equal(rows[1].flag_words, null);

  // pending comments are not public
  let page = await x.t.client().get(`/consultations/${cid}`);
  assert.doesNotMatch(page.body, /路灯/);

  // the moderation queue lists flagged ones first; other units' staff see nothing of it
  const queue = await x.people.pub1.c.get('/admin/consultations/moderation');
  assert.ok(queue.body.indexOf('路灯') < queue.body.indexOf('全文总体同意'));
  assert.match(queue.body, /含敏感词：赌博/);
  assert.doesNotMatch((await x.people.pub2.c.get('/admin/consultations/moderation')).body, /路灯/);
  assert.equal(
    (await x.people.pub2.c.post(`/admin/consultations/comments/${rows[0].id}/approve`, { form: {} }))
      .statusCode,
    404,
  );

  const pub = x.people.pub1.c;
  assert.equal(
    (await pub.post(`/admin/consultations/comments/${rows[0].id}/approve`, { form: {} })).statusCode,
    303,
  );
  assert.equal(
    (await pub.post(`/admin/consultations/comments/${rows[1].id}/approve`, { form: {} })).statusCode,
    303,
  );
  assert.equal(
    (await pub.post(`/admin/consultations/comments/${rows[2].id}/reject`, { form: { reason: '' } }))
      .statusCode,
    422,
  );
  assert.equal(
    (await pub.post(`/admin/consultations/comments/${rows[2].id}/reject`, { form: { reason: '含不当内容' } }))
      .statusCode,
    303,
  );
  assert.equal(
    (await pub.post(`/admin/consultations/comments/${rows[0].id}/approve`, { form: {} })).statusCode,
    409,
  );
  const rejected = (await comments(cid))[2];
  assert.equal(rejected.status, 'rejected');
  assert.equal(rejected.reject_reason, '含不当内容');

  page = await x.t.client().get(`/consultations/${cid}`);
  assert.match(page.body, /建议第二条增加爱护路灯/);
  assert.match(page.body, /138\*{4}5678/);
  assert.doesNotMatch(page.body, /13812345678|zs@example\.cn|赌博/);
  // grouped by paragraph: the comment sits inside paragraph 2's item
  const p2 = page.body.slice(page.body.indexOf('id="p-2"'), page.body.indexOf('id="p-3"'));
  assert.match(p2, /路灯/);
  const api = await x.t.client().api('GET', `/api/v1/public/consultations/${cid}`);
  assert.equal(api.statusCode, 200);
  const j = api.json();
  assert.equal(j.comments.length, 2);
  assert.equal(j.comments[0].paragraph, 2);
  assert.doesNotMatch(api.body, /13812345678|zs@example|contact/);
  // staff API shows the contact and the flags
  const staff = (await pub.api('GET', `/api/v1/consultations/${cid}`)).json();
  assert.equal(staff.comments[0].contact, 'zs@example.cn');
});

test('extension with a public note; after the period comments are refused and decisions open', async () => {
  const pub = x.people.pub1.c;
  assert.equal(
    (await pub.post(`/admin/consultations/${cid}/extend`, { form: { closesOn: '2026-03-10', note: '提前' } }))
      .statusCode,
    422,
  );
  assert.equal(
    (
      await pub.post(`/admin/consultations/${cid}/extend`, {
        form: { closesOn: '2026-03-20', note: '应村民要求延长征求意见期，咨询 13912345678' },
      })
    ).statusCode,
    303,
  );
  // staff-written public text passes the privacy guard like the public's comments
  const extended = (await x.t.client().get(`/consultations/${cid}`)).body;
  assert.match(extended, /应村民要求延长征求意见期，咨询 139\*\*\*\*5678/);
  assert.doesNotMatch(extended, /13912345678/);
  // not yet closed: no decisions, no report
  const [k0] = await comments(cid);
  assert.equal(
    (
      await pub.post(`/admin/consultations/${cid}/decisions`, {
        form: { commentIds: k0.id, outcome: 'adopted' },
      })
    ).statusCode,
    409,
  );
  // a late comment waits for moderation, then the period ends
  const anon = x.t.client();
  await anon.get(`/consultations/${cid}`);
  await at('2026-03-20T15:00:00Z'); // 23:00 China time, still the last day
  assert.equal(
    (await anon.post(`/consultations/${cid}/comments`, { form: { body: '最后一天的意见' } })).statusCode,
    303,
  );
  await at('2026-03-21T01:00:00Z');
  const late = await anon.post(`/consultations/${cid}/comments`, { form: { body: '截止后的意见' } });
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /征求意见已于 2026-03-20 截止/);
  assert.equal(
    (await pub.post(`/admin/consultations/${cid}/extend`, { form: { closesOn: '2026-03-30', note: '再延' } }))
      .statusCode,
    409,
  );
});

test('the adoption report needs every comment moderated and decided; published, it is public and final', async () => {
  const pub = x.people.pub1.c;
  let rows = await comments(cid);
  const pending = rows.find((k) => k.status === 'pending')!;
  const report = await pub.post(`/admin/consultations/${cid}/report`, { form: {} });
  assert.equal(report.statusCode, 409);
  assert.match(report.body, /1 条意见待审核/);
  // moderation still works after the period
  assert.equal(
    (await pub.post(`/admin/consultations/comments/${pending.id}/approve`, { form: {} })).statusCode,
    303,
  );
  rows = (await comments(cid)).filter((k) => k.status === 'approved');
  assert.equal(rows.length, 3);
  assert.match(
    (await pub.post(`/admin/consultations/${cid}/report`, { form: {} })).body,
    /3 条意见未记录采纳情况/,
  );
  // partly / not adopted need a reason; a rejected comment cannot be decided
  const bad = await pub.post(`/admin/consultations/${cid}/decisions`, {
    form: { commentIds: rows[0].id, outcome: 'not_adopted', reason: '' },
  });
  assert.equal(bad.statusCode, 422);
  const rejected = (await comments(cid)).find((k) => k.status === 'rejected')!;
  assert.equal(
    (
      await pub.api('POST', `/api/v1/consultations/${cid}/decisions`, {
        commentIds: [rejected.id],
        outcome: 'adopted',
      })
    ).statusCode,
    422,
  );
  assert.equal(
    (
      await pub.post(`/admin/consultations/${cid}/decisions`, {
        form: { commentIds: rows[0].id, outcome: 'adopted' },
      })
    ).statusCode,
    303,
  );
  // a group of two comments, one decision (through the API: several ids)
  const group = await pub.api('POST', `/api/v1/consultations/${cid}/decisions`, {
    commentIds: [rows[1].id, rows[2].id],
    outcome: 'partly_adopted',
    reason: '总体意见已吸收，具体表述另行斟酌',
  });
  assert.equal(group.statusCode, 200, group.body.slice(0, 300));
  // re-deciding the first one replaces its decision
  assert.equal(
    (
      await pub.post(`/admin/consultations/${cid}/decisions`, {
        form: {
          commentIds: rows[0].id,
          outcome: 'not_adopted',
          reason: '路灯维护已有专项制度，详询 13712345678',
        },
      })
    ).statusCode,
    303,
  );
  const decisions = await x.t.db.db
    .selectFrom('consultation_decisions')
    .selectAll()
    .where('consultation_id', '=', cid)
    .execute();
  assert.equal(decisions.length, 2);
  assert.equal(
    (
      await pub.post(`/admin/consultations/${cid}/report`, {
        form: { summary: '感谢村民参与。联系人 13612345678' },
      })
    ).statusCode,
    303,
  );
  assert.equal((await row(cid)).state, 'reported');

  const page = await x.t.client().get(`/consultations/${cid}`);
  assert.match(page.body, /意见采纳情况/);
  assert.match(page.body, /共收到并公开意见 3 条：采纳 0 条，部分采纳 2 条，未采纳 1 条/);
  assert.match(page.body, /路灯维护已有专项制度，详询 137\*\*\*\*5678/);
  assert.match(page.body, /感谢村民参与。联系人 136\*\*\*\*5678/);
  assert.doesNotMatch(page.body, /13712345678|13612345678/);
  assert.match(page.body, /已公布采纳情况/);
  // immutable: no more decisions, moderation or withdrawal
  assert.equal(
    (
      await pub.post(`/admin/consultations/${cid}/decisions`, {
        form: { commentIds: rows[0].id, outcome: 'adopted' },
      })
    ).statusCode,
    409,
  );
  assert.equal((await pub.post(`/admin/consultations/${cid}/report`, { form: {} })).statusCode, 409);
  assert.equal(
    (await pub.post(`/admin/consultations/${cid}/withdraw`, { form: { reason: '撤' } })).statusCode,
    409,
  );
  const api = (await x.t.client().api('GET', `/api/v1/public/consultations/${cid}`)).json();
  assert.deepEqual(api.report.counts, { adopted: 0, partly_adopted: 2, not_adopted: 1 });
  assert.equal(api.report.summary, '感谢村民参与。联系人 136****5678');
  assert.ok(
    api.report.entries.some(
      (e: { reason: string | null }) => e.reason === '路灯维护已有专项制度，详询 137****5678',
    ),
  );
  assert.ok(
    api.notes.some((n: { note: string | null }) => n.note === '应村民要求延长征求意见期，咨询 139****5678'),
  );
  assert.doesNotMatch(JSON.stringify(api), /13712345678|13612345678|13912345678/);
});

let finalId = '';

test('the final decision goes through the disclosure workflow and links both ways once published', async () => {
  const { pub1, pub2, rev1, app1 } = x.people;
  const form = { entryId: x.entries.standing.id, decidedOn: '2026-03-21', title: '一村村规民约' };
  assert.equal((await pub2.c.post(`/admin/consultations/${cid}/final`, { form })).statusCode, 404);
  // the reviewer may not draft disclosures: 404 on the consultation (no consultation.manage)
  assert.equal((await rev1.c.post(`/admin/consultations/${cid}/final`, { form })).statusCode, 404);
  // the approver manages consultations but may not draft disclosures: 403 with a clear message
  const approver = await app1.c.post(`/admin/consultations/${cid}/final`, { form });
  assert.equal(approver.statusCode, 403);
  assert.match(approver.body, /起草权限/);
  const started = await pub1.c.post(`/admin/consultations/${cid}/final`, { form });
  assert.equal(started.statusCode, 303, started.body.slice(0, 300));
  finalId = (await row(cid)).final_disclosure_id ?? '';
  assert.match(String(started.headers.location), new RegExp(`/admin/disclosures/${finalId}`));
  // an abandoned, unsubmitted draft does not block: starting again links a fresh draft
  const abandoned = finalId;
  assert.equal((await pub1.c.post(`/admin/consultations/${cid}/final`, { form })).statusCode, 303);
  finalId = (await row(cid)).final_disclosure_id ?? '';
  assert.notEqual(finalId, abandoned);
  // a draft decision is not linked nor public
  let page = await x.t.client().get(`/consultations/${cid}`);
  assert.doesNotMatch(page.body, new RegExp(`/d/${finalId}`));
  assert.equal((await x.t.client().get(`/d/${finalId}`)).statusCode, 404);

  for (const [c, step] of [
    [pub1.c, 'submit'],
    [rev1.c, 'review'],
    [app1.c, 'approve'],
    [pub1.c, 'publish'],
  ] as const) {
    const res = await c.post(`/admin/disclosures/${finalId}/${step}`, { form: {} });
    assert.equal(res.statusCode, 303, `${step}: ${res.body.slice(0, 300)}`);
  }
  // once in the workflow (here published) it cannot be replaced
  assert.equal((await pub1.c.post(`/admin/consultations/${cid}/final`, { form })).statusCode, 409);
  page = await x.t.client().get(`/consultations/${cid}`);
  assert.match(page.body, new RegExp(`href="/d/${finalId}"`));
  assert.match(page.body, /已形成最终决定/);
  const d = await x.t.client().get(`/d/${finalId}`);
  assert.equal(d.statusCode, 200);
  assert.match(d.body, /本决定已公开征求意见/);
  assert.match(d.body, new RegExp(`href="/consultations/${cid}#report"`));
  const api = (await x.t.client().api('GET', `/api/v1/public/consultations/${cid}`)).json();
  assert.equal(api.status, 'concluded');
  assert.equal(api.finalDecision.id, finalId);

  // revoked: the consultation is no longer concluded and no longer links
  assert.equal(
    (await pub1.c.post(`/admin/disclosures/${finalId}/revoke`, { form: { reason: '上级要求重新修订' } }))
      .statusCode,
    303,
  );
  page = await x.t.client().get(`/consultations/${cid}`);
  assert.doesNotMatch(page.body, new RegExp(`href="/d/${finalId}"`));
  assert.match(page.body, /已公布采纳情况/);
  assert.doesNotMatch((await x.t.client().get(`/d/${finalId}`)).body, /本决定已公开征求意见/);
  // after a revocation a new final decision may be started
  assert.equal((await pub1.c.post(`/admin/consultations/${cid}/final`, { form })).statusCode, 303);
  assert.notEqual((await row(cid)).final_disclosure_id, finalId);
});

test('a final decision disclosed 党内公开 only is not linked for the public', async () => {
  const { pub1, rev1, app1 } = x.people;
  await at('2026-04-01T02:00:00Z');
  const id = await draft('一村集体资产处置办法（征求意见稿）');
  assert.equal(
    (
      await pub1.c.post(`/admin/consultations/${id}/open`, {
        form: { opensOn: '2026-04-01', closesOn: '2026-04-10' },
      })
    ).statusCode,
    303,
  );
  await at('2026-04-11T02:00:00Z');
  assert.equal((await pub1.c.post(`/admin/consultations/${id}/report`, { form: {} })).statusCode, 303);
  const started = await pub1.c.api('POST', `/api/v1/consultations/${id}/final`, {
    entryId: x.entries.standing.id,
    decidedOn: '2026-04-11',
  });
  assert.equal(started.statusCode, 201, started.body.slice(0, 300));
  const did = started.json().disclosureId as string;
  const d = await x.t.db.db
    .selectFrom('disclosures')
    .selectAll()
    .where('id', '=', did)
    .executeTakeFirstOrThrow();
  const upd = await pub1.c.api('PATCH', `/api/v1/disclosures/${did}`, {
    title: d.title,
    bodyHtml: d.body_html,
    decidedOn: d.decided_on,
    audience: 'partyInternal',
  });
  assert.equal(upd.statusCode, 200, upd.body.slice(0, 300));
  for (const [c, step] of [
    [pub1.c, 'submit'],
    [rev1.c, 'review'],
    [app1.c, 'approve'],
    [pub1.c, 'publish'],
  ] as const)
    assert.equal((await c.api('POST', `/api/v1/disclosures/${did}/${step}`, {})).statusCode, 200, step);
  const anon = x.t.client();
  const page = await anon.get(`/consultations/${id}`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, new RegExp(`/d/${did}`));
  assert.equal((await anon.get(`/d/${did}`)).statusCode, 404);
  const publicApi = (await anon.api('GET', `/api/v1/public/consultations/${id}`)).json();
  assert.equal(publicApi.finalDecision, null);
  // not 社会公开: publicly the consultation stays 'reported' (page, API, list); staff see 'concluded'
  assert.equal(publicApi.status, 'reported');
  assert.doesNotMatch(page.body, /已形成最终决定/);
  const listed = (await anon.api('GET', '/api/v1/public/consultations')).json();
  assert.equal(listed.past.find((s: { id: string }) => s.id === id).status, 'reported');
  assert.equal(
    (await pub1.c.api('GET', '/api/v1/consultations')).json().items.find((s: { id: string }) => s.id === id)
      .status,
    'concluded',
  );
  assert.match((await pub1.c.get(`/consultations/${id}`)).body, /已形成最终决定/);
  // staff of the unit (disclosure.view_internal) do see the link
  assert.match((await pub1.c.get(`/consultations/${id}`)).body, new RegExp(`/d/${did}`));
});

test('withdrawal: a published consultation stays listed with its public reason', async () => {
  await at('2026-04-12T02:00:00Z');
  const id = await draft('一村停车管理规定（征求意见稿）');
  const pub = x.people.pub1.c;
  assert.equal(
    (
      await pub.post(`/admin/consultations/${id}/open`, {
        form: { opensOn: '2026-04-13', closesOn: '2026-04-30' },
      })
    ).statusCode,
    303,
  );
  const anon = x.t.client();
  assert.match((await anon.get(`/consultations/${id}`)).body, /即将开始/);
  await anon.get(`/consultations/${id}`);
  const early = await anon.post(`/consultations/${id}/comments`, { form: { body: '提前提意见' } });
  assert.equal(early.statusCode, 409);
  assert.equal(
    (await pub.post(`/admin/consultations/${id}/withdraw`, { form: { reason: '' } })).statusCode,
    422,
  );
  assert.equal(
    (
      await pub.post(`/admin/consultations/${id}/withdraw`, {
        form: { reason: '上位政策调整，咨询 15012345678' },
      })
    ).statusCode,
    303,
  );
  const page = await anon.get(`/consultations/${id}`);
  assert.match(page.body, /已撤回/);
  assert.match(page.body, /上位政策调整，咨询 150\*\*\*\*5678/);
  assert.doesNotMatch(page.body, /15012345678/);
  const api = (await anon.api('GET', `/api/v1/public/consultations/${id}`)).json();
  assert.equal(api.withdrawnReason, '上位政策调整，咨询 150****5678');
});

test('opening runs the privacy guard on title, 起草说明 and paragraphs; an override reason is recorded', async () => {
  await at('2026-04-12T02:00:00Z');
  const pub = x.people.pub1.c;
  const res = await pub.post('/admin/consultations', {
    form: {
      unitId: x.units.v1.id,
      title: '一村垃圾分类办法（征求意见稿）',
      explanation: '起草人联系电话 13812345678。',
      text: '第一条 垃圾分类。\n第二条 监督电话 13987654321。',
    },
  });
  assert.equal(res.statusCode, 303);
  const id = idFrom(res.headers.location as string);
  const refused = await pub.post(`/admin/consultations/${id}/open`, {
    form: { opensOn: '2026-04-12', closesOn: '2026-04-30' },
  });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /发现 2 处个人信息/);
  assert.match(refused.body, /起草说明：手机号 138\*\*\*\*5678/);
  assert.match(refused.body, /第 2 段：手机号 139\*\*\*\*4321/);
  // the message lists the findings masked (the draft's own fields still show the text to fix)
  assert.doesNotMatch(
    /<div class="error-summary"[\s\S]*?<\/div>/.exec(refused.body)?.[0] ?? '',
    /13812345678/,
  );
  assert.match(refused.body, /name="overrideReason"/);
  const api = await pub.api('POST', `/api/v1/consultations/${id}/open`, {
    opensOn: '2026-04-12',
    closesOn: '2026-04-30',
  });
  assert.equal(api.statusCode, 422);
  assert.equal(api.json().error.code, 'consultation.privacy_findings');
  assert.equal((await row(id)).state, 'draft');
  // with a reason (API): opened, the reason kept in the trail and in the audit, kinds only
  const ok = await pub.api('POST', `/api/v1/consultations/${id}/open`, {
    opensOn: '2026-04-12',
    closesOn: '2026-04-30',
    overrideReason: '公开的是单位办公电话',
  });
  assert.equal(ok.statusCode, 200, ok.body.slice(0, 300));
  assert.equal((await row(id)).state, 'open');
  const ev = await x.t.db.db
    .selectFrom('consultation_events')
    .selectAll()
    .where('consultation_id', '=', id)
    .where('kind', '=', 'privacy_override')
    .executeTakeFirstOrThrow();
  assert.equal(ev.note, '公开的是单位办公电话');
  assert.equal(ev.public, 0);
  const audit = await x.t.db.db
    .selectFrom('audit_log')
    .selectAll()
    .where('target_id', '=', id)
    .where('action', '=', 'consultation.privacy_override')
    .executeTakeFirstOrThrow();
  assert.match(audit.summary, /公开的是单位办公电话/);
  assert.doesNotMatch(String(audit.after_json), /13812345678|5678/);
  assert.match(String(audit.after_json), /"kind":"mobile"/);
});

test('opening refuses impossible dates (2026-02-30) with a field error', async () => {
  await at('2026-04-12T02:00:00Z');
  const id = await draft('一村卫生公约（征求意见稿）');
  const res = await x.people.pub1.c.api('POST', `/api/v1/consultations/${id}/open`, {
    opensOn: '2026-04-31',
    closesOn: '2026-05-20',
  });
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().error.fields[0].field, 'opensOn');
});
