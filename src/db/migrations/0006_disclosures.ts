import type { Kysely } from 'kysely';

/**
 * Disclosures (公开事项): the working record of one item through 提出 → 审核 → 审批 → 发布, its
 * published versions (immutable snapshots, hash-chained per unit) and its workflow trail.
 * The working draft lives on `disclosures`; `disclosure_versions` rows are only ever inserted, at
 * publication, and never updated (the application has no code path that updates them).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosures')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text')
    // draft | submitted | reviewed | approved | published | revoked | withheld; returned drafts are 'draft' with returned_reason
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attribute', 'text', (c) => c.notNull()) // proactive | on_request | withheld
    .addColumn('withheld_reason', 'text')
    .addColumn('withheld_basis', 'text')
    .addColumn('review_date', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('display_until', 'text')
    // the working draft (for a published item: what the latest version says)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('privacy_override_reason', 'text')
    .addColumn('current_version_id', 'text')
    .addColumn('drafted_by', 'text')
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('returned_reason', 'text')
    .addColumn('returned_by', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosures_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('disclosures_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .addForeignKeyConstraint('disclosures_entry_fk', ['tenant_id', 'entry_id'], 'catalog_entries', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('disclosures_unit_ix')
    .on('disclosures')
    .columns(['tenant_id', 'unit_id', 'state'])
    .execute();

  await db.schema
    .createTable('disclosure_versions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('disclosure_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('previous_digest', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_versions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('disclosure_versions_uq', ['tenant_id', 'disclosure_id', 'version'])
    .addForeignKeyConstraint(
      'disclosure_versions_disclosure_fk',
      ['tenant_id', 'disclosure_id'],
      'disclosures',
      ['tenant_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('disclosure_versions_chain_ix')
    .on('disclosure_versions')
    .columns(['tenant_id', 'unit_id', 'published_at'])
    .execute();
  await db.schema
    .createIndex('disclosure_versions_fp_ix')
    .on('disclosure_versions')
    .columns(['tenant_id', 'fingerprint'])
    .execute();

  await db.schema
    .createTable('disclosure_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('disclosure_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('disclosure_events_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'disclosure_events_disclosure_fk',
      ['tenant_id', 'disclosure_id'],
      'disclosures',
      ['tenant_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('disclosure_events_ix')
    .on('disclosure_events')
    .columns(['tenant_id', 'disclosure_id', 'at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disclosure_events').execute();
  await db.schema.dropTable('disclosure_versions').execute();
  await db.schema.dropTable('disclosures').execute();
}
