import type { Kysely } from 'kysely';

/**
 * Public engagement, part 2 (src/engagement/consultations/): consultations on drafts (预公开 /
 * 征求意见). A consultation holds a unit's draft decision as numbered paragraphs; once opened the
 * text is frozen. The public comments on the whole text or on one paragraph; every comment is
 * moderated before it is shown. After the period the unit records decisions (采纳情况) on the
 * comments, one decision per comment or per group, and publishes the adoption report; the final
 * decision is a disclosure (公开事项) linked by final_disclosure_id.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // 起草说明: why and how the draft was made
    .addColumn('explanation', 'text', (c) => c.notNull())
    // draft | open (published: the period is derived from the dates) | reported | withdrawn
    .addColumn('state', 'text', (c) => c.notNull())
    // the comment period (China dates, both inclusive); closes_on moves only by an extension
    .addColumn('opens_on', 'text')
    .addColumn('closes_on', 'text')
    .addColumn('first_closes_on', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    // the adoption report (采纳情况): its introduction and publication
    .addColumn('report_summary', 'text')
    .addColumn('report_published_at', 'text')
    .addColumn('report_published_by', 'text')
    // the final decision (a disclosure drafted from this consultation); concluded when published
    .addColumn('final_disclosure_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultations_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('consultations_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .addForeignKeyConstraint('consultations_final_fk', ['tenant_id', 'final_disclosure_id'], 'disclosures', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('consultations_unit_ix')
    .on('consultations')
    .columns(['tenant_id', 'unit_id', 'state'])
    .execute();
  await db.schema
    .createIndex('consultations_state_ix')
    .on('consultations')
    .columns(['tenant_id', 'state', 'closes_on'])
    .execute();
  await db.schema
    .createIndex('consultations_final_ix')
    .on('consultations')
    .columns(['tenant_id', 'final_disclosure_id'])
    .execute();

  await db.schema
    .createTable('consultation_paragraphs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    // 1, 2, 3 … in text order: the stable number comments point at (第 n 条 / 段)
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_paragraphs_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('consultation_paragraphs_uq', ['tenant_id', 'consultation_id', 'number'])
    .addForeignKeyConstraint(
      'consultation_paragraphs_c_fk',
      ['tenant_id', 'consultation_id'],
      'consultations',
      ['tenant_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('consultation_decisions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    // adopted (采纳) | partly_adopted (部分采纳) | not_adopted (未采纳)
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_decisions_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'consultation_decisions_c_fk',
      ['tenant_id', 'consultation_id'],
      'consultations',
      ['tenant_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('consultation_comments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    // null = on the whole text
    .addColumn('paragraph_number', 'integer')
    .addColumn('author_name', 'text')
    // never shown publicly
    .addColumn('contact', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    // pending | approved | rejected
    .addColumn('status', 'text', (c) => c.notNull())
    // moderation flags: sensitive words hit (JSON array) and personal-data kinds found (JSON array)
    .addColumn('flag_words', 'text')
    .addColumn('flag_personal', 'text')
    .addColumn('moderated_by', 'text')
    .addColumn('moderated_at', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('decision_id', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_comments_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'consultation_comments_c_fk',
      ['tenant_id', 'consultation_id'],
      'consultations',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint(
      'consultation_comments_d_fk',
      ['tenant_id', 'decision_id'],
      'consultation_decisions',
      ['tenant_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('consultation_comments_c_ix')
    .on('consultation_comments')
    .columns(['tenant_id', 'consultation_id', 'status', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('consultation_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    // created | edited | opened | extended | withdrawn | report_published | final_started
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // 1 = shown on the public page (extensions, withdrawal)
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('consultation_events_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('consultation_events_c_fk', ['tenant_id', 'consultation_id'], 'consultations', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('consultation_events_c_ix')
    .on('consultation_events')
    .columns(['tenant_id', 'consultation_id', 'at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consultation_events').execute();
  await db.schema.dropTable('consultation_comments').execute();
  await db.schema.dropTable('consultation_decisions').execute();
  await db.schema.dropTable('consultation_paragraphs').execute();
  await db.schema.dropTable('consultations').execute();
}
