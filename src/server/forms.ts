import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { type ErrorMap, errorMap } from '../views/form.tsx';
import { sendPage } from './html.ts';

/**
 * Runs a form's operation; on a user error (bad input, conflict, forbidden) re-renders the form
 * with the submitted values and the localized messages. Not-found and unexpected errors propagate
 * to the error pages.
 */
export async function handleForm<T>(
  reply: FastifyReply,
  run: () => Promise<T>,
  rerender: (errors: ErrorMap, message: string) => VNode | Promise<VNode>,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.status !== 404 && e.status < 500) {
      for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
      const message = e.code === 'validation.failed' ? t('validation.failed') : t(e.code, e.params);
      sendPage(reply, await rerender(errorMap(e.fields), message), e.status);
      return undefined;
    }
    throw e;
  }
}

/** Form bodies arrive as strings; checkboxes are absent when unticked. */
export function formBody(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    out[k] = v;
  }
  return out;
}
