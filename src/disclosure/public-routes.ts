import type { FastifyInstance } from 'fastify';
import { consultationOfDecision } from '../engagement/consultations/decision-link.ts';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { readForm } from '../obligations/form-body.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { sendCachedPage } from '../server/page-cache.ts';
import { sendFile } from './admin-routes.ts';
import { fileSha256, parseFingerprint } from './building-blocks/fingerprint.ts';
import { fileBytes } from './privacy-check.ts';
import { PublicItemPage, VerifyPage } from './public-views.tsx';
import {
  entryAndObligation,
  getPublicDisclosure,
  peopleNames,
  publicRelated,
  versionsMatching,
  versionsOf,
} from './queries.ts';
import { attachmentsOf, chinaDate } from './store.ts';

/**
 * The portal's side of a disclosure: the item page, its attachments and /verify. Items the visitor
 * is not entitled to (党内公开, 本单位, 特定对象), drafts and filed withholdings answer 404.
 */
export function registerDisclosurePublicRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  // ETag / Last-Modified, 304, and the anonymous page cache (src/server/page-cache.ts)
  app.get('/d/:id', (req, reply) =>
    sendCachedPage(req, reply, async () => {
      const { d, unit } = await getPublicDisclosure(db, req.actor, (req.params as { id: string }).id);
      const versions = d.state === 'revoked' ? [] : await versionsOf(db, d);
      const { entry, obligation } = await entryAndObligation(db, d);
      const page = PublicItemPage({
        ...pageMeta(req, d.title, 'portal'),
        d,
        unitName: unit.name,
        entryLabel: entry ? `${entry.level1} / ${entry.item}` : null,
        versions,
        names: await peopleNames(db, d.tenant_id, [d.drafted_by, d.reviewed_by, d.approved_by]),
        obligation,
        ...(await publicRelated(db, req.actor, d)),
        consulted: await consultationOfDecision(db, d),
        today: chinaDate(req.now),
      });
      return { page, lastModified: [d.updated_at, unit.updated_at] };
    }),
  );

  app.get('/d/:id/files/:fileId', async (req, reply) => {
    const { id, fileId } = req.params as { id: string; fileId: string };
    const { d } = await getPublicDisclosure(db, req.actor, id);
    if (d.state !== 'published') throw new AppError('file.not_found');
    // Only files of a published version are public; draft uploads and replaced originals are not.
    const refs = (await versionsOf(db, d)).flatMap((v) => attachmentsOf(v.attachments));
    const ref = refs.find((a) => a.fileId === fileId);
    if (!ref) throw new AppError('file.not_found');
    return sendFile(reply, ref.name, await fileBytes(db, d.tenant_id, ref.fileId));
  });

  app.get('/verify', async (req, reply) => {
    const raw = String((req.query as { fp?: string }).fp ?? '').slice(0, 200);
    const fp = raw ? parseFingerprint(raw) : null;
    const error = raw && !fp ? t('fingerprint.invalid') : null;
    const matches = fp ? await versionsMatching(db, req.actor, fp) : null;
    return sendPage(
      reply,
      VerifyPage({ ...pageMeta(req, t('disclosure.verify_title'), 'portal'), fp: raw, error, matches }),
      error ? 422 : 200,
    );
  });

  // Verifying an uploaded file: its SHA-256 against the attachments of published versions. Writes nothing.
  app.post('/verify', async (req, reply) => {
    const { file } = readForm(req.body);
    const matches = file
      ? await versionsMatching(db, req.actor, { kind: 'file', hex: fileSha256(file.content) })
      : null;
    return sendPage(
      reply,
      VerifyPage({
        ...pageMeta(req, t('disclosure.verify_title'), 'portal'),
        fp: '',
        error: file ? null : t('validation.required'),
        matches,
      }),
      file ? 200 : 422,
    );
  });
}
