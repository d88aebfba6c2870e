import type { Kysely } from 'kysely';

/**
 * Calendar versions: an office adds or corrects a year's holiday arrangement. Rows are never
 * updated: each save appends version n+1, so every deadline that moved can name the change.
 * deadline_changes keeps, for any deadline that a calendar change moved, old → new and why.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_versions')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('holidays_json', 'text', (c) => c.notNull())
    .addColumn('makeup_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_versions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('calendar_versions_year_uq', ['tenant_id', 'year', 'version'])
    .execute();

  await db.schema
    .createTable('deadline_changes')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('old_date', 'text', (c) => c.notNull())
    .addColumn('new_date', 'text', (c) => c.notNull())
    .addColumn('calendar_version_id', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deadline_changes_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'deadline_changes_version_fk',
      ['tenant_id', 'calendar_version_id'],
      'calendar_versions',
      ['tenant_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('deadline_changes_subject_ix')
    .on('deadline_changes')
    .columns(['tenant_id', 'subject_type', 'subject_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deadline_changes').execute();
  await db.schema.dropTable('calendar_versions').execute();
}
