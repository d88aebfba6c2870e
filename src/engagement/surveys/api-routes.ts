import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePermission } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import { AppError } from '../../lib/errors.ts';
import { opContext } from '../../server/context.ts';
import { deviceId } from '../device.ts';
import { SURVEY_STEPS } from './admin-routes.ts';
import { createSurvey } from './create-survey.ts';
import { editSurvey } from './edit-survey.ts';
import { mayReadResults } from './public-routes.ts';
import { listPublicSurveys, listStaffSurveys, publicSurvey, surveyComments } from './queries.ts';
import { rateUnits } from './rate-units.ts';
import { surveyResults } from './results.ts';
import { CreateSurveyInput, RateInput } from './schemas.ts';
import { chinaDate, effectiveStatus, loadForStaff, type Survey } from './store.ts';

const tags = ['surveys'];
const Str = Type.String();
const NNum = Type.Union([Type.Number(), Type.Null()]);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

const SurveyView = Type.Object({
  id: Str,
  title: Str,
  description: Str,
  opensOn: Str,
  closesOn: Str,
  audience: Str,
  status: Str,
  weights: Type.Object({ satisfied: Type.Integer(), basic: Type.Integer(), dissatisfied: Type.Integer() }),
  units: Type.Optional(Type.Array(Type.Object({ id: Str, code: Str, name: Str }))),
});
const ResultsView = Type.Object({
  surveyId: Str,
  final: Type.Boolean(),
  computedAt: Type.Union([Str, Type.Null()]),
  participants: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      unitId: Str,
      unitName: Str,
      satisfied: Type.Integer(),
      basic: Type.Integer(),
      dissatisfied: Type.Integer(),
      raters: Type.Integer(),
      rate: NNum,
      score: NNum,
      rank: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});

const view = (s: Survey, today: string, units?: { id: string; code: string; name: string }[]) => ({
  id: s.id,
  title: s.title,
  description: s.description,
  opensOn: s.opens_on,
  closesOn: s.closes_on,
  audience: s.audience,
  status: effectiveStatus(s, today),
  weights: { satisfied: s.weight_satisfied, basic: s.weight_basic, dissatisfied: s.weight_dissatisfied },
  ...(units ? { units: units.map((u) => ({ id: u.id, code: u.code, name: u.name })) } : {}),
});

/** The survey JSON API: public reading and rating, staff create/open/close/finalize. */
export function registerSurveyApi(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get(
    '/api/v1/public/surveys',
    {
      schema: {
        tags,
        summary: '满意度测评列表（公开；不含草稿）',
        security: [],
        response: { 200: Type.Object({ items: Type.Array(SurveyView) }) },
      },
    },
    async (req) => {
      const today = chinaDate(req.now);
      return { items: (await listPublicSurveys(db, req.actor.tenantId)).map((s) => view(s, today)) };
    },
  );

  app.get(
    '/api/v1/public/surveys/:id',
    {
      schema: {
        tags,
        summary: '测评详情与被测评单位（公开）',
        params: IdParams,
        security: [],
        response: { 200: SurveyView },
      },
    },
    async (req) => {
      const { survey, units } = await publicSurvey(db, req.actor.tenantId, (req.params as { id: string }).id);
      return view(survey, chinaDate(req.now), units);
    },
  );

  app.get(
    '/api/v1/public/surveys/:id/results',
    {
      schema: {
        tags,
        summary:
          '测评结果（测评结束后公开；确认后为存档结果）：各单位满意、基本满意、不满意人数、参评人数、满意率（%）、得分与排名',
        params: IdParams,
        security: [],
        response: { 200: ResultsView },
      },
    },
    async (req) => {
      const { survey, units } = await publicSurvey(db, req.actor.tenantId, (req.params as { id: string }).id);
      if (!mayReadResults(req, survey, units)) throw new AppError('survey.not_found');
      const r = await surveyResults(db, survey, units);
      return {
        surveyId: survey.id,
        final: r.final,
        computedAt: r.computedAt,
        participants: r.participants,
        rows: r.rows,
      };
    },
  );

  app.post(
    '/api/v1/public/surveys/:id/ratings',
    {
      schema: {
        tags,
        summary: '提交评价（每人或匿名时每台设备对每个单位只计一次，测评期间可修改；按 IP 限流）',
        params: IdParams,
        body: RateInput,
        security: [],
        response: { 200: Type.Object({ rated: Type.Integer() }) },
      },
    },
    async (req, reply) => {
      const device = req.actor.kind === 'person' ? null : deviceId(req, reply);
      return rateUnits(opContext(req), (req.params as { id: string }).id, req.body, device);
    },
  );

  app.get(
    '/api/v1/surveys',
    {
      schema: {
        tags,
        summary: '测评列表（后台，含草稿；调用者对全部被测评单位有 survey.view）',
        response: { 200: Type.Object({ items: Type.Array(SurveyView) }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'survey.view');
      const today = chinaDate(req.now);
      return { items: (await listStaffSurveys(db, req.actor)).map((s) => view(s, today)) };
    },
  );

  app.post(
    '/api/v1/surveys',
    {
      schema: {
        tags,
        summary: '创建测评（草稿；公开办 survey.manage）',
        body: CreateSurveyInput,
        response: { 201: SurveyView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const s = await createSurvey(opContext(req), req.body);
      const { units } = await loadForStaff(opContext(req), s.id, 'survey.view');
      return reply.code(201).send(view(s, chinaDate(req.now), units));
    },
  );

  app.get(
    '/api/v1/surveys/:id',
    {
      schema: {
        tags,
        summary:
          '测评详情（后台；对全部被测评单位有 survey.view）：实时结果与意见（个人信息已遮盖，从不公开）',
        params: IdParams,
        response: {
          200: Type.Object({
            ...SurveyView.properties,
            results: ResultsView,
            comments: Type.Array(Type.Object({ unitName: Str, level: Str, text: Str, at: Str })),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const { survey, units } = await loadForStaff(
        opContext(req),
        (req.params as { id: string }).id,
        'survey.view',
      );
      const r = await surveyResults(db, survey, units);
      return {
        ...view(survey, chinaDate(req.now), units),
        results: {
          surveyId: survey.id,
          final: r.final,
          computedAt: r.computedAt,
          participants: r.participants,
          rows: r.rows,
        },
        comments: await surveyComments(db, survey),
      };
    },
  );

  app.put(
    '/api/v1/surveys/:id',
    {
      schema: {
        tags,
        summary: '修改测评草稿（整体重述定义；发布后不能修改）',
        params: IdParams,
        body: CreateSurveyInput,
        response: { 200: SurveyView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const s = await editSurvey(opContext(req), (req.params as { id: string }).id, req.body);
      const { units } = await loadForStaff(opContext(req), s.id, 'survey.view');
      return view(s, chinaDate(req.now), units);
    },
  );

  const summaries: Record<string, string> = {
    open: '发布测评（草稿 → 进行中；此后不能修改单位和计分方式）',
    close: '结束测评（进行中 → 已结束，可提前结束）',
    finalize: '确认结果（已结束 → 结果已确认，结果存档且不可更改）',
  };
  for (const [step, def] of Object.entries(SURVEY_STEPS)) {
    app.post(
      `/api/v1/surveys/:id/${step}`,
      { schema: { tags, summary: summaries[step], params: IdParams, response: { 200: SurveyView } } },
      async (req) => {
        requireSignedIn(req);
        const s = (await def.run(opContext(req), (req.params as { id: string }).id)) as Survey;
        return view(s, chinaDate(req.now));
      },
    );
  }
}
