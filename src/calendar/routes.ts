import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { coversWholeTenant, requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { opContext, redirect } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import type { ErrorMap } from '../views/form.tsx';
import { parseCalendarUpload } from './parse-calendar-upload.ts';
import { SaveCalendarYearInput, saveCalendarYear } from './save-calendar-year.ts';
import { listCalendarVersions, loadCalendar } from './tenant-calendar.ts';
import { CalendarYearPage, CalendarYearsPage } from './views.tsx';

const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
const DateResult = Type.Object({ date: Type.String(), provisional: Type.Boolean() });

function yearOf(req: FastifyRequest): number {
  const y = Number((req.params as { year: string }).year);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new AppError('error.not_found', { status: 404 });
  return y;
}

const lines = (s: unknown) =>
  String(s ?? '')
    .split(/[\s,，;；]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function registerCalendarRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/admin/calendar', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/calendar');
    requirePermission(req.actor, 'admin.enter');
    const cal = await loadCalendar(db, req.actor.tenantId);
    const versions = await listCalendarVersions(db, req.actor.tenantId);
    const current = req.now.getUTCFullYear();
    const years = [...new Set([...cal.years(), current, current + 1])].sort((a, b) => b - a);
    return sendPage(
      reply,
      CalendarYearsPage({
        ...pageMeta(req, t('calendar.title'), 'admin'),
        canManage: coversWholeTenant(req.actor, 'calendar.manage'),
        years: years.map((year) => {
          const a = cal.arrangement(year);
          return {
            year,
            source: a?.source ?? null,
            version: versions.find((v) => v.year === year)?.version ?? null,
            holidays: a?.holidays.length ?? 0,
            makeups: a?.makeupWorkdays.length ?? 0,
          };
        }),
      }),
    );
  });

  const yearPage = async (
    req: FastifyRequest,
    year: number,
    extra: { errors?: ErrorMap; message?: string; values?: Record<string, unknown> } = {},
  ) => {
    const cal = await loadCalendar(db, req.actor.tenantId);
    const a = cal.arrangement(year);
    const v = extra.values ?? {};
    return CalendarYearPage({
      ...pageMeta(req, `${t('calendar.title')} ${year}`, 'admin'),
      year,
      cal,
      versions: await listCalendarVersions(db, req.actor.tenantId, year),
      canManage: coversWholeTenant(req.actor, 'calendar.manage'),
      values: {
        holidays: String(v.holidays ?? a?.holidays.join('\n') ?? ''),
        makeupWorkdays: String(v.makeupWorkdays ?? a?.makeupWorkdays.join('\n') ?? ''),
        source: String(v.source ?? a?.source ?? ''),
        note: v.note ? String(v.note) : undefined,
      },
      errors: extra.errors,
      message: extra.message,
    });
  };

  app.get('/admin/calendar/:year', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/calendar');
    requirePermission(req.actor, 'admin.enter');
    return sendPage(reply, await yearPage(req, yearOf(req)));
  });

  app.post('/admin/calendar/:year', async (req, reply) => {
    requireSignedIn(req);
    const year = yearOf(req);
    const body = formBody(req.body);
    const input = {
      year,
      holidays: lines(body.holidays),
      makeupWorkdays: lines(body.makeupWorkdays),
      source: body.source,
      note: body.note,
    };
    const ok = await handleForm(
      reply,
      () => saveCalendarYear(opContext(req), input),
      (errors, message) => yearPage(req, year, { errors, message, values: body }),
    );
    return ok ? redirect(reply, `/admin/calendar/${year}`, 'calendar_saved') : reply;
  });

  app.post('/admin/calendar/:year/upload', async (req, reply) => {
    requireSignedIn(req);
    const year = yearOf(req);
    const body = req.body as Record<
      string,
      { value?: unknown; filename?: string; type?: string } | undefined
    >;
    const file = body?.file;
    const ok = await handleForm(
      reply,
      async () => {
        if (file?.type !== 'file' || !Buffer.isBuffer(file.value))
          throw new AppError('calendar.upload_invalid', {
            status: 422,
            params: { reason: t('import.file_missing') },
          });
        const arrangement = parseCalendarUpload(file.filename ?? '', file.value, year);
        const note = typeof body.note?.value === 'string' ? body.note.value : undefined;
        return saveCalendarYear(opContext(req), {
          ...arrangement,
          source: arrangement.source ?? `${req.actor.name} 上传 ${file.filename ?? ''}`,
          note: note || undefined,
        });
      },
      (errors, message) => yearPage(req, year, { errors, message }),
    );
    return ok ? redirect(reply, `/admin/calendar/${year}`, 'calendar_saved') : reply;
  });

  // ---- API
  const tags = ['calendar'];
  app.get(
    '/api/v1/calendar/add-working-days',
    {
      schema: {
        tags,
        summary: '工作日推算：起算日为第 0 天，返回其后第 n 个工作日（暂定结果标注 provisional）',
        querystring: Type.Object({
          date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
          n: Type.Integer({ minimum: 0, maximum: 10000 }),
        }),
        response: { 200: DateResult },
      },
    },
    async (req) => {
      const q = req.query as { date: string; n: number };
      return (await loadCalendar(db, req.actor.tenantId)).addWorkingDays(q.date, q.n);
    },
  );
  app.get(
    '/api/v1/calendar/:year',
    {
      schema: {
        tags,
        summary: '某年节假日安排（放假日、调休上班日、依据、版本）',
        params: YearParams,
        response: {
          200: Type.Object({
            year: Type.Integer(),
            hasData: Type.Boolean(),
            holidays: Type.Array(Type.String()),
            makeupWorkdays: Type.Array(Type.String()),
            source: Type.Union([Type.String(), Type.Null()]),
            versions: Type.Array(
              Type.Object({ id: Type.String(), version: Type.Integer(), createdAt: Type.String() }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const year = yearOf(req);
      const cal = await loadCalendar(db, req.actor.tenantId);
      const a = cal.arrangement(year);
      const versions = await listCalendarVersions(db, req.actor.tenantId, year);
      return {
        year,
        hasData: !!a,
        holidays: a?.holidays ?? [],
        makeupWorkdays: a?.makeupWorkdays ?? [],
        source: a?.source ?? null,
        versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt })),
      };
    },
  );
  app.put(
    '/api/v1/calendar/:year',
    {
      schema: {
        tags,
        summary: '录入或更正某年节假日安排（保存为新版本，重算正在计算的期限）',
        params: YearParams,
        body: Type.Omit(SaveCalendarYearInput, ['year']),
        response: {
          200: Type.Object({
            versionId: Type.String(),
            version: Type.Integer(),
            moved: Type.Record(Type.String(), Type.Integer()),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return saveCalendarYear(opContext(req), { ...(req.body as object), year: yearOf(req) });
    },
  );
}
