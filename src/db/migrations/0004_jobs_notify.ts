import { type Kysely, sql } from 'kysely';

/**
 * Durable jobs and notifications: the job table the workers claim from, the in-app inbox and the
 * email outbox. tenant_id leads every key (see src/db/types.ts).
 *
 * Dedupe keys are plain unique keys (NULLs never collide on either dialect), not partial indexes
 * over live statuses: a daily sweep's key `kind:date` must stay taken after the job is done, or a
 * second server would schedule the same day again.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the live types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('jobs_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('jobs_dedupe_uq', ['tenant_id', 'dedupe_key'])
    .execute();
  // The claim scans due work across tenants (one worker pool serves the whole database).
  await db.schema.createIndex('jobs_due_ix').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notifications_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('notifications_dedupe_uq', ['tenant_id', 'person_id', 'dedupe_key'])
    .addForeignKeyConstraint('notifications_person_fk', ['tenant_id', 'person_id'], 'people', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('notifications_inbox_ix')
    .on('notifications')
    .columns(['tenant_id', 'person_id', 'created_at'])
    .execute();
  // Serves the unread count shown in the header on every signed-in page.
  await db.schema
    .createIndex('notifications_unread_ix')
    .on('notifications')
    .columns(['tenant_id', 'person_id'])
    .where(sql.ref('read_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('email_outbox')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('dedupe_key', 'text')
    .addPrimaryKeyConstraint('email_outbox_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('email_outbox_dedupe_uq', ['tenant_id', 'dedupe_key'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['email_outbox', 'notifications', 'jobs']) await db.schema.dropTable(t).execute();
}
