import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requirePermission, unitVisibility } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import { t } from '../../i18n/index.ts';
import { beijingDate } from '../../jobs/schedule-daily.ts';
import { AppError } from '../../lib/errors.ts';
import { redirect } from '../../server/context.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import { REMEDY_KINDS, REMEDY_RESULTS } from '../outcomes.ts';
import { CHECK_LABELS } from './check-labels.ts';
import { buildReportWorkbook } from './export-xlsx.ts';
import { REPORT_PERMISSION } from './load-records.ts';
import { loadReport, type ReportScope, resolveScope } from './load-report.ts';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, TABLE3_LINES, TABLE4_GROUP_LABELS } from './model.ts';
import { ReportPage } from './views.tsx';

const thisYear = (req: FastifyRequest) => Number(beijingDate(req.now).slice(0, 4));
const scopeLabel = (s: ReportScope) =>
  s.subtree ? t('request_report.scope_subtree', { unit: s.unit.name }) : s.unit.name;

/** 年度报告表三、表四: the back-office page, its XLSX export and the API. All GET, no writes. */
export function registerRequestReportRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/admin/requests/report', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${encodeURIComponent(req.url)}`);
    requirePermission(req.actor, REPORT_PERMISSION);
    const scope = await resolveScope(db, req.actor, req.query as Record<string, unknown>, thisYear(req));
    const tables = scope ? await loadReport(db, req.actor, scope) : null;
    const units = await db
      .selectFrom('units as u')
      .select(['u.id', 'u.name', 'u.depth'])
      .where('u.tenant_id', '=', req.actor.tenantId)
      .where(unitVisibility(req.actor, REPORT_PERMISSION, 'u'))
      .orderBy('u.path')
      .limit(2000)
      .execute();
    const y = thisYear(req);
    return sendPage(
      reply,
      ReportPage({
        ...pageMeta(req, t('request_report.title'), 'admin'),
        scope,
        tables,
        units: units.map((u) => ({
          value: u.id,
          label: `${'　'.repeat(Math.max(0, u.depth - 1))}${u.name}`,
        })),
        years: Array.from({ length: 6 }, (_, i) => y - i),
      }),
    );
  });

  app.get('/admin/requests/report.xlsx', async (req, reply) => {
    requireSignedIn(req);
    requirePermission(req.actor, REPORT_PERMISSION);
    const scope = await resolveScope(db, req.actor, req.query as Record<string, unknown>, thisYear(req));
    if (!scope) return redirect(reply, '/admin/requests/report');
    const tables = await loadReport(db, req.actor, scope);
    const buffer = await buildReportWorkbook(tables, scopeLabel(scope));
    const fileName = `${scope.year}年度依申请公开统计-${scope.unit.name}.xlsx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(buffer);
  });

  const Count = Type.Integer({ minimum: 0 });
  app.get(
    '/api/v1/requests/report',
    {
      schema: {
        tags: ['requests'],
        summary:
          '年度报告表三（收到和处理政府信息公开申请情况）、表四（行政复议、行政诉讼情况）及勾稽关系校验',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          unit: Type.Optional(Type.String()),
          subtree: Type.Optional(Type.String({ description: '1 = 含下属单位' })),
        }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            unit: Type.Object({ id: Type.String(), name: Type.String() }),
            subtree: Type.Boolean(),
            table3: Type.Object({
              columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
              rows: Type.Array(
                Type.Object({
                  key: Type.Union([Type.String(), Type.Null()]),
                  label: Type.String(),
                  values: Type.Union([Type.Array(Count), Type.Null()]),
                }),
              ),
            }),
            table4: Type.Array(
              Type.Object({
                key: Type.String(),
                label: Type.String(),
                upheld: Count,
                corrected: Count,
                other: Count,
                pending: Count,
                total: Count,
              }),
            ),
            checks: Type.Array(
              Type.Object({
                key: Type.String(),
                label: Type.String(),
                passed: Type.Union([Type.Boolean(), Type.Null()]),
                failures: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, REPORT_PERMISSION);
      const scope = await resolveScope(db, req.actor, req.query as Record<string, unknown>, thisYear(req));
      if (!scope) throw new AppError('unit.not_found');
      const tables = await loadReport(db, req.actor, scope);
      return {
        year: scope.year,
        unit: { id: scope.unit.id, name: scope.unit.name },
        subtree: scope.subtree,
        table3: {
          columns: TABLE3_COLUMNS.map((key) => ({ key, label: TABLE3_COLUMN_LABELS[key] })),
          rows: TABLE3_LINES.map((l) => ({
            key: l.key,
            label: l.label,
            values: l.key ? tables.table3[l.key] : null,
          })),
        },
        table4: REMEDY_KINDS.map((k) => ({
          key: k,
          label: TABLE4_GROUP_LABELS[k],
          ...Object.fromEntries(REMEDY_RESULTS.map((r, i) => [r, tables.table4[k][i]])),
          total: tables.table4[k][4],
        })) as {
          key: string;
          label: string;
          upheld: number;
          corrected: number;
          other: number;
          pending: number;
          total: number;
        }[],
        checks: tables.checks.map((c) => ({ ...c, label: CHECK_LABELS[c.key] })),
      };
    },
  );
}
