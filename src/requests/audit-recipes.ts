import type { Client, TestApp } from '../../test/helpers/server.ts';
import type { RequestState } from '../db/types.ts';
import { deliverReply } from './deliver-reply.ts';
import { issueFeeNotice } from './issue-fee-notice.ts';
import { registerRequest } from './register-request.ts';
import { replyRequest } from './reply-request.ts';
import { requestSupplement } from './request-supplement.ts';
import { saveRequestSettings } from './save-request-settings.ts';
import { startConsultation } from './start-consultation.ts';
import { STEPS } from './steps.ts';

/**
 * Recipes of the request routes for test/audit-completeness.test.ts (test support, not a test):
 * prepare() puts a request in the state the route needs through the real operations; act() calls
 * the route as the office. `env()` is read lazily because the suite builds its app in before().
 */
interface Recipe {
  prepare?: () => Promise<unknown>;
  act: (p: never) => Promise<{ statusCode: number; body: string }>;
}
type Env = () => { t: TestApp; office: Client; unitId: string; otherUnitId: string };

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAAJJRU5ErkJggg==',
  'base64',
);

type Prepared = { id: string; code: string; secret: string };
type Target = RequestState | 'supplement_expired' | 'fee_expired';

export function requestRecipes(env: Env): Record<string, Recipe> {
  const ctx = () => env().t.world.system;
  const form = (unitId = env().unitId) => ({
    unitId,
    applicantKind: 'natural_person',
    applicantName: '审计申请人',
    idNumber: '11010519491231002X',
    phone: '13812345678',
    description: '申请公开某文件',
    provisionForm: 'electronic',
    obtainMethod: 'download',
  });
  const at = async (state: Target, unitId?: string): Promise<Prepared> => {
    const early = state === 'supplement_expired' || state === 'fee_expired';
    const { request, secret } = await registerRequest(ctx(), {
      ...form(unitId),
      channel: state === 'awaiting_confirmation' ? 'fax' : 'in_person',
      receivedOn: early ? '2026-01-05' : '2026-02-24',
    });
    const id = request.id;
    const out = { id, code: request.tracking_code, secret };
    if (state === 'supplement_pending' || state === 'supplement_expired')
      await requestSupplement(ctx(), id, {
        items: '补充',
        periodDays: early ? 3 : 10,
        on: early ? '2026-01-06' : '2026-02-25',
      });
    if (state === 'consulting')
      await startConsultation(ctx(), id, { kind: 'third_party', party: '甲', on: '2026-02-25' });
    if (state === 'fee_pending' || state === 'fee_expired')
      await issueFeeNotice(ctx(), id, {
        method: 'per_volume',
        quantity: 40,
        on: early ? '2026-01-06' : '2026-02-25',
      });
    if (state === 'precheck') await saveRequestSettings(ctx(), { precheck: true });
    if (['precheck', 'replied', 'delivered', 'closed', 'archived'].includes(state))
      await replyRequest(ctx(), id, { kind: 'provided', text: '予以公开' });
    if (state === 'precheck') await saveRequestSettings(ctx(), { precheck: false });
    if (state === 'delivered') await deliverReply(ctx(), id, { method: 'email' });
    return out;
  };
  const consultation = async () => {
    const p = await at('consulting');
    const c = await env()
      .t.db.db.selectFrom('request_consultations')
      .select('id')
      .where('request_id', '=', p.id)
      .executeTakeFirstOrThrow();
    return { ...p, consultationId: c.id };
  };
  const remedy = async () => {
    const p = await at('delivered');
    await env().office.post(`/admin/requests/${p.id}/remedies`, {
      form: { kind: 'reconsideration', result: 'pending', filedOn: '2026-03-02' },
    });
    const r = await env()
      .t.db.db.selectFrom('request_remedies')
      .select('id')
      .where('request_id', '=', p.id)
      .executeTakeFirstOrThrow();
    return { ...p, remedyId: r.id };
  };
  const entry = async () => {
    const { addGuidingEntry } = await import('../catalog/add-guiding-entry.ts');
    const { createGuidingCatalog } = await import('../catalog/create-guiding-catalog.ts');
    const { makeUnit } = await import('../../test/helpers/factories.ts');
    const unit = await makeUnit(
      env().t.world,
      env().t.world.rootId,
      'department',
      `申请部门${Math.random()}`,
    );
    const cat = await createGuidingCatalog(ctx(), {
      ownerUnitId: env().t.world.rootId,
      unitKind: 'department',
      domain: 'government',
      name: `依申请转主动目录${Math.random()}`,
    });
    const e = await addGuidingEntry(ctx(), cat.id, {
      mode: 'proactive',
      audience: 'public',
      requiredChannels: ['portal'],
      level1: '政务',
      item: `事项${Math.random()}`,
      timing: 'standing',
    });
    return { ...(await at('processing', unit.id)), entryId: e.id };
  };

  /** What each step needs: the state to prepare and the form to send. */
  const stepInput: Record<
    string,
    {
      prepare: () => Promise<Record<string, string>>;
      body: (p: Record<string, string>) => Record<string, string>;
    }
  > = {
    confirm: { prepare: () => at('awaiting_confirmation'), body: () => ({}) },
    'supplement-notice': {
      prepare: () => at('processing'),
      body: () => ({ items: '请补充', periodDays: '5' }),
    },
    supplement: { prepare: () => at('supplement_pending'), body: () => ({ text: '补正内容' }) },
    abandon: { prepare: () => at('supplement_expired'), body: () => ({}) },
    transfer: {
      prepare: () => at('processing'),
      body: () => ({ toUnitId: env().otherUnitId, reason: '职责' }),
    },
    consult: { prepare: () => at('processing'), body: () => ({ kind: 'third_party', party: '乙' }) },
    'consult-end': {
      prepare: consultation,
      body: (p) => ({ consultationId: p.consultationId, result: 'agreed' }),
    },
    extend: { prepare: () => at('processing'), body: () => ({ days: '5', reason: '复杂' }) },
    'fee-notice': { prepare: () => at('processing'), body: () => ({ method: 'per_volume', quantity: '35' }) },
    'fee-paid': { prepare: () => at('fee_pending'), body: () => ({}) },
    reply: { prepare: () => at('processing'), body: () => ({ kind: 'provided', text: '予以公开' }) },
    precheck: { prepare: () => at('precheck'), body: () => ({ decision: 'pass' }) },
    deliver: { prepare: () => at('replied'), body: () => ({ method: 'post' }) },
    archive: { prepare: () => at('delivered'), body: () => ({}) },
    withdraw: { prepare: () => at('processing'), body: () => ({ reason: '撤回' }) },
    remedies: {
      prepare: () => at('delivered'),
      body: () => ({ kind: 'litigation_direct', result: 'pending', filedOn: '2026-03-01' }),
    },
    'remedy-update': {
      prepare: remedy,
      body: (p) => ({ remedyId: p.remedyId, result: 'upheld', decidedOn: '2026-03-02' }),
    },
    proactive: { prepare: entry, body: (p) => ({ entryId: p.entryId, title: '转为主动公开' }) },
  };
  const num = (b: Record<string, string>) => {
    const out: Record<string, unknown> = { ...b };
    for (const k of ['periodDays', 'days', 'quantity']) if (k in out) out[k] = Number(out[k]);
    return out;
  };

  const recipes: Record<string, Recipe> = {};
  for (const name of Object.keys(STEPS)) {
    const s = stepInput[name];
    recipes[`POST /admin/requests/:id/${name}`] = {
      prepare: s.prepare,
      act: ((p: Record<string, string>) =>
        env().office.post(`/admin/requests/${p.id}/${name}`, { form: s.body(p) })) as Recipe['act'],
    };
    recipes[`POST /api/v1/requests/:id/${name}`] = {
      prepare: s.prepare,
      act: ((p: Record<string, string>) =>
        env().office.api('POST', `/api/v1/requests/${p.id}/${name}`, num(s.body(p)))) as Recipe['act'],
    };
  }
  const keys = (p: Prepared) => ({ code: p.code, secret: p.secret });
  Object.assign(recipes, {
    'POST /requests': { act: () => env().t.client().post('/requests', { form: form() }) },
    'POST /api/v1/public/requests': {
      act: () => env().t.client().api('POST', '/api/v1/public/requests', form()),
    },
    'POST /admin/requests': {
      act: () => env().office.post('/admin/requests', { form: { ...form(), channel: 'in_person' } }),
    },
    'POST /api/v1/requests': {
      act: () => env().office.api('POST', '/api/v1/requests', { ...form(), channel: 'email' }),
    },
    'POST /admin/requests/settings': {
      act: () => env().office.post('/admin/requests/settings', { form: {} }),
    },
    'PUT /api/v1/requests/settings': {
      act: () => env().office.api('PUT', '/api/v1/requests/settings', { precheck: false }),
    },
    'POST /requests/track': {
      prepare: () => at('processing'),
      act: ((p: Prepared) =>
        env()
          .t.client()
          .post('/requests/track', { form: keys(p) })) as Recipe['act'],
    },
    'POST /api/v1/public/requests/track': {
      prepare: () => at('processing'),
      act: ((p: Prepared) =>
        env().t.client().api('POST', '/api/v1/public/requests/track', keys(p))) as Recipe['act'],
    },
    'POST /requests/track/supplement': {
      prepare: () => at('supplement_pending'),
      act: ((p: Prepared) =>
        env()
          .t.client()
          .upload(
            '/requests/track/supplement',
            { ...keys(p), text: '补正' },
            { field: 'file', filename: 'a.png', content: PNG },
          )) as Recipe['act'],
    },
    'POST /requests/track/files/:fileId': {
      prepare: async () => {
        const p = await at('processing');
        await env().office.upload(
          `/api/v1/requests/${p.id}/files`,
          { role: 'reply' },
          { field: 'file', filename: 'r.png', content: PNG },
        );
        const f = await env()
          .t.db.db.selectFrom('request_files')
          .select('id')
          .where('request_id', '=', p.id)
          .executeTakeFirstOrThrow();
        return { ...p, fileId: f.id };
      },
      act: ((p: Prepared & { fileId: string }) =>
        env()
          .t.client()
          .post(`/requests/track/files/${p.fileId}`, { form: keys(p) })) as Recipe['act'],
    },
    'POST /requests/track/documents/:documentId': {
      prepare: async () => {
        const p = await at('processing');
        const d = await env()
          .t.db.db.selectFrom('request_documents')
          .select('id')
          .where('request_id', '=', p.id)
          .executeTakeFirstOrThrow();
        return { ...p, documentId: d.id };
      },
      act: ((p: Prepared & { documentId: string }) =>
        env()
          .t.client()
          .post(`/requests/track/documents/${p.documentId}`, { form: keys(p) })) as Recipe['act'],
    },
    'POST /api/v1/requests/:id/files': {
      prepare: () => at('processing'),
      act: ((p: Prepared) =>
        env().office.upload(
          `/api/v1/requests/${p.id}/files`,
          { role: 'disclosed_part' },
          { field: 'file', filename: 'p.png', content: PNG },
          { headers: { accept: 'application/json' } },
        )) as Recipe['act'],
    },
  });
  return recipes;
}
