import type { Kysely } from 'kysely';

/**
 * Public engagement, part 1 (src/engagement/): feedback (意见建议 / 咨询 / 投诉 / 举报) with its
 * replies (several rounds when the office reopens a thread), its trail, and the attempt log that
 * throttles every public engagement form (feedback, consultation comments, 点单 demands, survey
 * ratings) per IP, contact or device. Writer-identifying columns (author_name, contact_*) are shown
 * only to people who may handle the message (src/auth/policy.ts) and never on the 回音壁.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // the unit the writer addressed, and the unit responsible now (the office may route it elsewhere)
    .addColumn('addressed_unit_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    // written about one disclosure (公开事项), if any
    .addColumn('disclosure_id', 'text')
    // suggestion (意见建议) | question (咨询) | complaint (投诉) | report (举报)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    // 1 = the writer asked that question and answer stay private (only category, dates, status shown)
    .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
    // online | paper (entered by staff on the writer's behalf, entered_by set)
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    // held (sensitive words: waits for moderation) | received | assigned | in_progress | replied
    // | cannot_handle | closed | rejected (moderation refused it as abuse/spam)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_words', 'text')
    .addColumn('moderated_by', 'text')
    .addColumn('moderated_at', 'text')
    .addColumn('moderation_note', 'text')
    // the writer's link: tracking code shown once with a secret (hash stored) for follow-up and rating
    .addColumn('tracking_code', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    // normalised-body digest for duplicate detection
    .addColumn('body_digest', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    // the working day the reply clock starts (received/assigned), and the reply deadline (date)
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text')
    .addColumn('reply_days', 'integer', (c) => c.notNull())
    // the day the current round's reply clock started: due_on = due_from + reply_days working days
    // (kept so a change of the holiday calendar can recompute due_on)
    .addColumn('due_from', 'text')
    .addColumn('due_on', 'text')
    .addColumn('replied_on', 'text')
    // the first round's deadline and reply day, kept for the statistics (on-time rate, days to reply)
    .addColumn('first_due_on', 'text')
    .addColumn('first_replied_on', 'text')
    .addColumn('cannot_handle_reason', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('reopened_count', 'integer', (c) => c.notNull().defaultTo(0))
    // satisfied (满意) | basic (基本满意) | dissatisfied (不满意)
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('feedback_code_uq', ['tenant_id', 'tracking_code'])
    .addForeignKeyConstraint('feedback_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .addForeignKeyConstraint('feedback_addressed_fk', ['tenant_id', 'addressed_unit_id'], 'units', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('feedback_unit_status_ix')
    .on('feedback')
    .columns(['tenant_id', 'unit_id', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('feedback_due_ix')
    .on('feedback')
    .columns(['tenant_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('feedback_digest_ix')
    .on('feedback')
    .columns(['tenant_id', 'body_digest', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('feedback_replies')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('feedback_id', 'text', (c) => c.notNull())
    // 1 for the first reply, 2 after the first reopening, …
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('replied_by', 'text')
    .addColumn('replied_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_replies_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('feedback_replies_fb_fk', ['tenant_id', 'feedback_id'], 'feedback', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('feedback_replies_fb_ix')
    .on('feedback_replies')
    .columns(['tenant_id', 'feedback_id', 'round'])
    .execute();

  await db.schema
    .createTable('feedback_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('feedback_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    // submitted | held | released | rejected | routed | accepted | replied | cannot_handle | closed
    // | rated | reopened | reminded
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('feedback_events_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('feedback_events_fb_fk', ['tenant_id', 'feedback_id'], 'feedback', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('feedback_events_fb_ix')
    .on('feedback_events')
    .columns(['tenant_id', 'feedback_id', 'at'])
    .execute();

  await db.schema
    .createTable('engagement_attempts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // feedback | feedback_contact | comment | demand | demand_support | survey_rating | rate_reply
    .addColumn('kind', 'text', (c) => c.notNull())
    // an IP address, a contact digest or a device id
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_attempts_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('engagement_attempts_ix')
    .on('engagement_attempts')
    .columns(['tenant_id', 'kind', 'key', 'at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('engagement_attempts').execute();
  await db.schema.dropTable('feedback_events').execute();
  await db.schema.dropTable('feedback_replies').execute();
  await db.schema.dropTable('feedback').execute();
}
