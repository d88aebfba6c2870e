import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requirePermission } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import { t } from '../../i18n/index.ts';
import { AppError } from '../../lib/errors.ts';
import { publicUnitOr404, todayOf } from '../../portal/request-helpers.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import { errorMap } from '../../views/form.tsx';
import { unitFigures } from './compute-stats.ts';
import { statsCsv, statsXlsx } from './export.ts';
import { officeRows } from './office-rows.ts';
import { type Period, parsePeriod } from './period.ts';
import { OfficeStatsPage, UnitStatsPage } from './views.tsx';

const tags = ['feedback'];
const NNum = Type.Union([Type.Number(), Type.Null()]);
const Figures = Type.Object({
  received: Type.Integer(),
  replied: Type.Integer(),
  inProgress: Type.Integer(),
  cannotHandle: Type.Integer(),
  /** closed by the office without any answer (未答复即办结) */
  closedUnanswered: Type.Integer(),
  avgDays: NNum,
  onTimeRate: NNum,
  satisfactionRate: NNum,
  /** ratings given (one per rated round: a reopened thread may be rated again) */
  rated: Type.Integer(),
});
const PeriodQuery = Type.Object({
  period: Type.Optional(Type.Union(['month', 'quarter', 'year', 'custom'].map((k) => Type.Literal(k)))),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  /** 1 / true: the unit and every unit below it */
  subtree: Type.Optional(Type.String({ maxLength: 5 })),
});

/** The period of the query, or the error to show beside the chooser (and the current year instead). */
function periodOf(req: FastifyRequest): { period: Period; errors?: Record<string, string> } {
  const q = req.query as Record<string, unknown>;
  try {
    return { period: parsePeriod(q, todayOf(req)) };
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation.failed')
      return { period: parsePeriod({}, todayOf(req)), errors: errorMap(e.fields) };
    throw e;
  }
}
const subtreeOf = (req: FastifyRequest) => {
  const v = (req.query as Record<string, unknown>).subtree;
  return v === '1' || v === 'true' || v === true;
};

/** Public /units/:code/feedback/stats, back office /admin/feedback/stats (+ .xlsx, .csv), and the API. */
export function registerFeedbackStatsRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/units/:code/feedback/stats', async (req, reply) => {
    const unit = await publicUnitOr404(req, (req.params as { code: string }).code);
    const { period, errors } = periodOf(req);
    const subtree = subtreeOf(req);
    const figures = errors
      ? null
      : await unitFigures(db, unit, period.from, period.to, todayOf(req), subtree);
    return sendPage(
      reply,
      UnitStatsPage({
        ...pageMeta(req, t('feedback_stats.unit_title', { name: unit.name }), 'portal'),
        unit,
        period,
        subtree,
        figures,
        errors,
      }),
      errors ? 422 : 200,
    );
  });

  const office = async (req: FastifyRequest, withEmpty: boolean) => {
    requireSignedIn(req);
    requirePermission(req.actor, 'feedback.view');
    const { period, errors } = periodOf(req);
    const subtree = subtreeOf(req);
    const { rows, total } = await officeRows(db, req.actor, period, todayOf(req), {
      rollup: subtree,
      withEmpty,
    });
    return { period, errors, subtree, rows, total };
  };

  app.get('/admin/feedback/stats', async (req, reply) => {
    const o = await office(req, true);
    return sendPage(reply, OfficeStatsPage({ ...pageMeta(req, t('feedback_stats.title'), 'admin'), ...o }));
  });

  const download = (reply: FastifyReply, type: string, name: string, body: string | Buffer) =>
    reply
      .type(type)
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(body);

  app.get('/admin/feedback/stats.csv', async (req, reply) => {
    const o = await office(req, true);
    const name = `${t('feedback_stats.title')}-${o.period.from}-${o.period.to}.csv`;
    return download(reply, 'text/csv; charset=utf-8', name, statsCsv(o.rows, o.total));
  });

  app.get('/admin/feedback/stats.xlsx', async (req, reply) => {
    const o = await office(req, true);
    const name = `${t('feedback_stats.title')}-${o.period.from}-${o.period.to}.xlsx`;
    return download(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      name,
      await statsXlsx(o.rows, o.total, o.period),
    );
  });

  app.get(
    '/api/v1/units/:code/feedback-stats',
    {
      schema: {
        tags,
        summary:
          '单位意见建议办理统计（公开；按收到日期统计，不含待审核、不予受理和举报）：收到、已答复、办理中、暂不能办理、未答复即办结、平均答复用时（工作日）、按期答复率与满意率（%，按每轮评价计）',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }),
        querystring: PeriodQuery,
        security: [],
        response: {
          200: Type.Object({
            unitCode: Type.String(),
            from: Type.String(),
            to: Type.String(),
            subtree: Type.Boolean(),
            figures: Figures,
          }),
        },
      },
    },
    async (req) => {
      const unit = await publicUnitOr404(req, (req.params as { code: string }).code);
      const period = parsePeriod(req.query as Record<string, unknown>, todayOf(req));
      const subtree = subtreeOf(req);
      const f = await unitFigures(db, unit, period.from, period.to, todayOf(req), subtree);
      return {
        unitCode: unit.code,
        from: period.from,
        to: period.to,
        subtree,
        figures: {
          received: f.received,
          replied: f.replied,
          inProgress: f.inProgress,
          cannotHandle: f.cannotHandle,
          closedUnanswered: f.closedUnanswered,
          avgDays: f.avgDays,
          onTimeRate: f.onTimeRate,
          satisfactionRate: f.satisfactionRate,
          rated: f.rated,
        },
      };
    },
  );
}
