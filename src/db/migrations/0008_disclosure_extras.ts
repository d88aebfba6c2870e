import type { Kysely } from 'kysely';

/**
 * Disclosure extras (issue #4, back office):
 * - catalog_entries.requires_interpretation: the entry's documents need a 政策解读 (三同时);
 * - disclosures.interprets_id: this disclosure is the policy interpretation of that one (same unit);
 * - disclosure_events.detail: structured detail of a trail entry (JSON), e.g. the kinds of the
 *   findings a privacy override let through;
 * - privacy_patterns: the office's extra patterns for the privacy guard, per tenant.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('catalog_entries')
    .addColumn('requires_interpretation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('disclosures').addColumn('interprets_id', 'text').execute();
  await db.schema
    .createIndex('disclosures_interprets_ix')
    .on('disclosures')
    .columns(['tenant_id', 'interprets_id', 'state', 'id'])
    .execute();
  await db.schema.alterTable('disclosure_events').addColumn('detail', 'text').execute();
  await db.schema
    .createIndex('disclosure_events_action_ix')
    .on('disclosure_events')
    .columns(['tenant_id', 'action', 'at'])
    .execute();
  await db.schema
    .createIndex('disclosures_review_ix')
    .on('disclosures')
    .columns(['tenant_id', 'state', 'review_date'])
    .execute();

  await db.schema
    .createTable('privacy_patterns')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('example', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('privacy_patterns_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('privacy_patterns_name_uq', ['tenant_id', 'name'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('privacy_patterns').execute();
  await db.schema.dropIndex('disclosures_review_ix').execute();
  await db.schema.dropIndex('disclosure_events_action_ix').execute();
  await db.schema.alterTable('disclosure_events').dropColumn('detail').execute();
  await db.schema.dropIndex('disclosures_interprets_ix').execute();
  await db.schema.alterTable('disclosures').dropColumn('interprets_id').execute();
  await db.schema.alterTable('catalog_entries').dropColumn('requires_interpretation').execute();
}
