import { t } from '../i18n/index.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { newId } from '../lib/ids.ts';
import type { Config } from '../server/config.ts';

export interface NotifyInput {
  personIds: readonly string[];
  /** What the notification is about, e.g. 'obligation.due_soon' (for filtering and display). */
  kind: string;
  title: string;
  body: string;
  /** A path inside the app, e.g. /admin/obligations/ID. */
  link?: string | null;
  /**
   * Names this reminder, e.g. `obligation.due_soon:${obligationId}:${dueDate}`: a person gets at most
   * one notification (and one email) per key, however often the sweep runs.
   */
  dedupeKey: string;
  email: boolean;
}

/** Whether email can go out at all, and the address links in emails start with. */
export interface NotifyOptions {
  mailEnabled: boolean;
  publicUrl: string | null;
}

export function notifyOptions(config: Pick<Config, 'smtpUrl' | 'publicUrl'>): NotifyOptions {
  return { mailEnabled: config.smtpUrl !== null, publicUrl: config.publicUrl };
}

export const EMAIL_JOB = 'email.send';
/** Email retries: 30 s, 1, 2, 4, 8, 16, 32 min, then 1 h — about two hours in all. */
export const EMAIL_MAX_ATTEMPTS = 8;

/**
 * Sends an in-app notification to each person, and when asked (and SMTP is configured, and the
 * person is active with an email address) queues an email for the 'email.send' job — all in the
 * caller's transaction, so a sweep's notifications exist exactly when its own writes commit.
 * Existing (tenant, person, dedupeKey) notifications are skipped silently: calling twice is safe.
 *
 * Not audited row by row (notifications are bookkeeping, not domain changes): the caller — a
 * reminder sweep — records one audit entry with the counts this returns.
 */
export async function notify(
  ctx: OpContext,
  input: NotifyInput,
  opts: NotifyOptions = { mailEnabled: false, publicUrl: null },
): Promise<{ created: number; emailed: number }> {
  const ids = [...new Set(input.personIds)];
  if (ids.length === 0) return { created: 0, emailed: 0 };
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const people = await tx.db
      .selectFrom('people')
      .select(['id', 'email', 'status'])
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute();
    let created = 0;
    let emailed = 0;
    const at = tx.now.toISOString();
    for (const p of people) {
      const row = await tx.db
        .insertInto('notifications')
        .values({
          tenant_id: tenantId,
          id: newId(tx.now.getTime()),
          person_id: p.id,
          kind: input.kind,
          title: input.title,
          body: input.body,
          link: input.link ?? null,
          created_at: at,
          read_at: null,
          dedupe_key: input.dedupeKey,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'person_id', 'dedupe_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) continue;
      created += 1;
      const address = p.email?.trim();
      if (!input.email || !opts.mailEnabled || p.status !== 'active' || !address) continue;
      if (await queueEmail(tx, { to: address, personId: p.id, input, opts })) emailed += 1;
    }
    return { created, emailed };
  });
}

async function queueEmail(
  tx: OpContext,
  o: { to: string; personId: string; input: NotifyInput; opts: NotifyOptions },
): Promise<boolean> {
  return queueOutboxEmail(tx, {
    to: o.to,
    subject: o.input.title,
    body: o.input.body,
    link: o.input.link,
    publicUrl: o.opts.publicUrl,
    dedupeKey: `${o.input.dedupeKey}:${o.personId}`,
  });
}

/**
 * Queues one email (outbox row + 'email.send' job) in the caller's transaction: the body, the
 * link as an absolute address when the public address is known, and the tenant's footer. At most
 * one row per (tenant, dedupeKey): false when it was queued before.
 */
export async function queueOutboxEmail(
  tx: OpContext,
  o: {
    to: string;
    subject: string;
    body: string;
    link?: string | null;
    publicUrl: string | null;
    dedupeKey: string;
  },
): Promise<boolean> {
  const tenantId = tx.actor.tenantId;
  const tenant = await tx.db
    .selectFrom('tenants')
    .select('name')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  const lines = [o.body];
  if (o.link && o.publicUrl)
    lines.push('', t('notify.email_link', { url: new URL(o.link, o.publicUrl).toString() }));
  lines.push('', '——', t('notify.email_footer', { tenant: tenant?.name ?? '' }));
  const id = newId(tx.now.getTime());
  const row = await tx.db
    .insertInto('email_outbox')
    .values({
      tenant_id: tenantId,
      id,
      to_address: o.to,
      subject: o.subject,
      text: lines.join('\n'),
      html: null,
      status: 'pending',
      attempts: 0,
      last_error: null,
      created_at: tx.now.toISOString(),
      sent_at: null,
      dedupe_key: o.dedupeKey,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  await enqueueJob(tx.db, {
    tenantId,
    kind: EMAIL_JOB,
    payload: { outboxId: id },
    runAt: tx.now,
    dedupeKey: `${EMAIL_JOB}:${id}`,
    maxAttempts: EMAIL_MAX_ATTEMPTS,
  });
  return true;
}
