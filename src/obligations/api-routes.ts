import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireSignedIn } from '../auth/routes.ts';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import type { ObligationsTable, UnitKind } from '../db/types.ts';
import { beijingDate } from '../jobs/schedule-daily.ts';
import { opContext } from '../server/context.ts';
import { deriveObligations } from './derive-obligations.ts';
import { readForm } from './form-body.ts';
import { fulfilManually } from './fulfil-manually.ts';
import { listObligations, type ObligationFilter, type ObligationRow } from './queries.ts';
import { recordDecision } from './record-decision.ts';
import { recordEvent } from './record-event.ts';
import { saveSettings } from './save-settings.ts';
import {
  DecisionInput,
  DeriveInput,
  DeriveResult,
  EventInput,
  ListQuery,
  ObligationView,
  SettingsView,
} from './schemas.ts';
import { getSettings } from './settings.ts';

const tags = ['obligations'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

/** The obligations' JSON API: the same operations and queries as the pages. */
export function registerObligationApi(app: FastifyInstance): void {
  const { db } = app.gk;

  /** One obligation as the list shows it (status today), for write responses. */
  const view = async (
    req: FastifyRequest,
    row: Pick<ObligationsTable, 'id' | 'unit_id'>,
  ): Promise<ObligationRow> => {
    const today = beijingDate(req.now);
    const [r] = (
      await listObligations(
        db,
        req.actor,
        { unitIds: [row.unit_id] },
        today,
        await loadCalendar(db, req.actor.tenantId),
        await getSettings(db, req.actor.tenantId, today),
      )
    ).filter((x) => x.id === row.id);
    return r;
  };

  app.get(
    '/api/v1/obligations',
    {
      schema: {
        tags,
        summary: '公开义务列表（调用者可见的单位；状态按今天计算）',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(ObligationView), total: Type.Integer() }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const q = req.query as Omit<ObligationFilter, 'kind' | 'unitIds'> & { kind?: string; unitId?: string };
      const today = beijingDate(req.now);
      const { unitId, kind, ...rest } = q;
      const items = await listObligations(
        db,
        req.actor,
        { ...rest, kind: kind as UnitKind | undefined, unitIds: unitId ? [unitId] : undefined },
        today,
        await loadCalendar(db, req.actor.tenantId),
        await getSettings(db, req.actor.tenantId, today),
      );
      return { items, total: items.length };
    },
  );
  app.post(
    '/api/v1/obligations/events',
    {
      schema: {
        tags,
        summary: '登记即时公开事件（生成一条公开义务）',
        body: EventInput,
        response: { 201: ObligationView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const row = await recordEvent(opContext(req), req.body);
      return reply.code(201).send(await view(req, row));
    },
  );
  app.post(
    '/api/v1/obligations/decisions',
    {
      schema: {
        tags,
        summary: '登记长期公开事项的决定或变更（取代该事项未履行的上一条）',
        body: DecisionInput,
        response: { 201: ObligationView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const row = await recordDecision(opContext(req), req.body);
      return reply.code(201).send(await view(req, row));
    },
  );
  app.post(
    '/api/v1/obligations/:id/fulfil',
    {
      schema: {
        tags,
        summary:
          '人工登记已履行（公开办）：JSON { fulfilledOn, note }，或 multipart 另附图片 file（JPG/PNG）',
        params: IdParams,
        response: { 200: ObligationView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const { fields, file } = readForm(req.body);
      const o = await fulfilManually(opContext(req), (req.params as { id: string }).id, fields, {
        file,
        maxBytes: app.gk.config.uploadLimitBytes,
      });
      return view(req, o);
    },
  );
  app.post(
    '/api/v1/obligations/derive',
    {
      schema: {
        tags,
        summary: '立即生成定期公开义务（全县公开办；幂等）',
        body: Type.Optional(DeriveInput),
        response: { 200: DeriveResult },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const until = (req.body as { until?: string } | undefined)?.until ?? beijingDate(req.now);
      return deriveObligations(opContext(req), { until });
    },
  );
  app.get(
    '/api/v1/obligations/settings',
    { schema: { tags, summary: '公开义务设置', response: { 200: SettingsView } } },
    async (req) => {
      requireSignedIn(req);
      return getSettings(db, req.actor.tenantId, beijingDate(req.now));
    },
  );
  app.put(
    '/api/v1/obligations/settings',
    {
      schema: {
        tags,
        summary: '修改公开义务设置（全县公开办；只改给出的项）',
        body: Type.Partial(SettingsView),
        response: { 200: SettingsView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return saveSettings(opContext(req), req.body);
    },
  );
}
