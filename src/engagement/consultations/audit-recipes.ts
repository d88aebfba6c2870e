import type { OpContext } from '../../lib/context.ts';
import type { EngagementEnv, EngagementRecipe } from '../audit-recipes.ts';
import { approveComment } from './approve-comment.ts';
import { createConsultation } from './create-consultation.ts';
import { openConsultation } from './open-consultation.ts';
import { publishReport } from './publish-report.ts';
import { recordDecision } from './record-decision.ts';
import { submitComment } from './submit-comment.ts';

/**
 * Recipes of the consultation write routes for test/audit-completeness.test.ts (test support, not
 * a test): prepare() brings a consultation to the state the route needs through the operations
 * (a period in the past is opened with an earlier `now`); act() calls the route as the office.
 */
export function consultationRecipes(env: EngagementEnv): Record<string, EngagementRecipe> {
  const sys = (): OpContext => env().t.world.system;
  const at = (iso: string): OpContext => ({ ...sys(), now: new Date(iso), ip: '10.9.0.1' });
  const draft = async () =>
    (
      await createConsultation(sys(), {
        unitId: env().unitId,
        title: '审计用征求意见稿',
        explanation: '起草说明',
        text: '第一条 甲\n第二条 乙',
      })
    ).id;
  const open = async () => {
    const id = await draft();
    await openConsultation(sys(), id, { opensOn: '2026-03-02', closesOn: '2026-03-20' });
    return id;
  };
  const pendingComment = async () => {
    const id = await open();
    const k = await submitComment({ ...sys(), ip: '10.9.0.2' }, id, {
      body: '建议修改第一条',
      paragraph: '1',
    });
    return { id, commentId: k!.id };
  };
  /** A period that ended before the suite's clock (2026-03-02), with one approved comment. */
  const closed = async () => {
    const id = (
      await createConsultation(at('2026-01-05T02:00:00Z'), {
        unitId: env().unitId,
        title: '审计用已截止征求意见',
        explanation: '起草说明',
        text: '第一条 甲',
      })
    ).id;
    await openConsultation(at('2026-01-05T02:00:00Z'), id, { opensOn: '2026-01-05', closesOn: '2026-01-20' });
    const k = await submitComment(at('2026-01-06T02:00:00Z'), id, { body: '同意' });
    await approveComment(at('2026-01-07T02:00:00Z'), k!.id);
    return { id, commentId: k!.id };
  };
  const reported = async () => {
    const { id, commentId } = await closed();
    await recordDecision(sys(), id, { commentIds: [commentId], outcome: 'adopted' });
    await publishReport(sys(), id, {});
    return { id, entryId: await entry() };
  };
  const entry = async () => {
    const { addGuidingEntry } = await import('../../catalog/add-guiding-entry.ts');
    const { createGuidingCatalog } = await import('../../catalog/create-guiding-catalog.ts');
    const unit = await env()
      .t.db.db.selectFrom('units')
      .select('kind')
      .where('id', '=', env().unitId)
      .executeTakeFirstOrThrow();
    const cat = await createGuidingCatalog(sys(), {
      ownerUnitId: env().t.world.rootId,
      unitKind: unit.kind,
      domain: 'government',
      name: `征求意见决定目录${Math.random()}`,
    });
    const e = await addGuidingEntry(sys(), cat.id, {
      mode: 'proactive',
      audience: 'public',
      requiredChannels: ['portal'],
      level1: '决策公开',
      item: `重大决策${Math.random()}`,
      timing: 'standing',
    });
    return e.id;
  };
  const c = () => env().office;
  const anon = () => env().t.client();
  const text = { title: '审计', explanation: '说明', text: '第一条 丙' };
  type P = { id: string; commentId: string; entryId: string };
  const r = (x: {
    prepare?: () => Promise<unknown>;
    act: (p: P) => Promise<{ statusCode: number; body: string }>;
  }) => x as EngagementRecipe;

  return {
    'POST /admin/consultations': r({
      act: () => c().post('/admin/consultations', { form: { unitId: env().unitId, ...text } }),
    }),
    'POST /admin/consultations/:id': r({
      prepare: async () => ({ id: await draft() }),
      act: (p) => c().post(`/admin/consultations/${p.id}`, { form: text }),
    }),
    'POST /admin/consultations/:id/open': r({
      prepare: async () => ({ id: await draft() }),
      act: (p) =>
        c().post(`/admin/consultations/${p.id}/open`, {
          form: { opensOn: '2026-03-02', closesOn: '2026-03-31' },
        }),
    }),
    'POST /admin/consultations/:id/extend': r({
      prepare: async () => ({ id: await open() }),
      act: (p) =>
        c().post(`/admin/consultations/${p.id}/extend`, {
          form: { closesOn: '2026-04-10', note: '应群众要求延长' },
        }),
    }),
    'POST /admin/consultations/:id/withdraw': r({
      prepare: async () => ({ id: await open() }),
      act: (p) => c().post(`/admin/consultations/${p.id}/withdraw`, { form: { reason: '政策调整' } }),
    }),
    'POST /admin/consultations/:id/decisions': r({
      prepare: closed,
      act: (p) =>
        c().post(`/admin/consultations/${p.id}/decisions`, {
          form: { commentIds: p.commentId, outcome: 'not_adopted', reason: '与上位法不符' },
        }),
    }),
    'POST /admin/consultations/:id/report': r({
      prepare: async () => {
        const x = await closed();
        await recordDecision(sys(), x.id, { commentIds: x.commentId, outcome: 'adopted' });
        return x;
      },
      act: (p) => c().post(`/admin/consultations/${p.id}/report`, { form: { summary: '' } }),
    }),
    'POST /admin/consultations/:id/final': r({
      prepare: reported,
      act: (p) =>
        c().post(`/admin/consultations/${p.id}/final`, {
          form: { entryId: p.entryId, decidedOn: '2026-03-02' },
        }),
    }),
    'POST /admin/consultations/comments/:commentId/approve': r({
      prepare: pendingComment,
      act: (p) => c().post(`/admin/consultations/comments/${p.commentId}/approve`, { form: {} }),
    }),
    'POST /admin/consultations/comments/:commentId/reject': r({
      prepare: pendingComment,
      act: (p) =>
        c().post(`/admin/consultations/comments/${p.commentId}/reject`, { form: { reason: '与主题无关' } }),
    }),
    'POST /consultations/:id/comments': r({
      prepare: async () => ({ id: await open() }),
      act: async (p) => {
        const a = anon();
        await a.get(`/consultations/${p.id}`);
        return a.post(`/consultations/${p.id}/comments`, {
          form: { body: '建议增加公示环节', paragraph: '2' },
        });
      },
    }),
    'POST /api/v1/public/consultations/:id/comments': r({
      prepare: async () => ({ id: await open() }),
      act: (p) => anon().api('POST', `/api/v1/public/consultations/${p.id}/comments`, { body: '同意' }),
    }),
    'POST /api/v1/consultations': r({
      act: () => c().api('POST', '/api/v1/consultations', { unitId: env().unitId, ...text }),
    }),
    'PATCH /api/v1/consultations/:id': r({
      prepare: async () => ({ id: await draft() }),
      act: (p) => c().api('PATCH', `/api/v1/consultations/${p.id}`, text),
    }),
    'POST /api/v1/consultations/:id/open': r({
      prepare: async () => ({ id: await draft() }),
      act: (p) =>
        c().api('POST', `/api/v1/consultations/${p.id}/open`, {
          opensOn: '2026-03-03',
          closesOn: '2026-03-31',
        }),
    }),
    'POST /api/v1/consultations/:id/extend': r({
      prepare: async () => ({ id: await open() }),
      act: (p) =>
        c().api('POST', `/api/v1/consultations/${p.id}/extend`, { closesOn: '2026-04-10', note: '延长' }),
    }),
    'POST /api/v1/consultations/:id/withdraw': r({
      prepare: async () => ({ id: await open() }),
      act: (p) => c().api('POST', `/api/v1/consultations/${p.id}/withdraw`, { reason: '撤回' }),
    }),
    'POST /api/v1/consultations/:id/decisions': r({
      prepare: closed,
      act: (p) =>
        c().api('POST', `/api/v1/consultations/${p.id}/decisions`, {
          commentIds: [p.commentId],
          outcome: 'adopted',
        }),
    }),
    'POST /api/v1/consultations/:id/report': r({
      prepare: async () => {
        const x = await closed();
        await recordDecision(sys(), x.id, { commentIds: x.commentId, outcome: 'adopted' });
        return x;
      },
      act: (p) => c().api('POST', `/api/v1/consultations/${p.id}/report`, {}),
    }),
    'POST /api/v1/consultations/:id/final': r({
      prepare: reported,
      act: (p) =>
        c().api('POST', `/api/v1/consultations/${p.id}/final`, {
          entryId: p.entryId,
          decidedOn: '2026-03-02',
        }),
    }),
    'POST /api/v1/consultation-comments/:commentId/approve': r({
      prepare: pendingComment,
      act: (p) => c().api('POST', `/api/v1/consultation-comments/${p.commentId}/approve`),
    }),
    'POST /api/v1/consultation-comments/:commentId/reject': r({
      prepare: pendingComment,
      act: (p) => c().api('POST', `/api/v1/consultation-comments/${p.commentId}/reject`, { reason: '广告' }),
    }),
  };
}
