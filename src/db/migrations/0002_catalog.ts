import { type Kysely, sql } from 'kysely';

/**
 * Catalogs (公开目录): guiding catalogs (指导目录) that an office defines for a unit kind and a
 * domain, the entries of those catalogs and of each unit's own additions ("7+X"), the units'
 * "not applicable" claims on inherited entries, and stored XLSX import batches.
 * Conventions as in 0001: text timestamps, integer flags, tenant_id leading every key.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the live types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('guiding_catalogs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'text', (c) => c.notNull())
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('retire_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guiding_catalogs_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('guiding_catalogs_owner_fk', ['tenant_id', 'owner_unit_id'], 'units', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('guiding_catalogs_kind_ix')
    .on('guiding_catalogs')
    .columns(['tenant_id', 'unit_kind', 'status'])
    .execute();
  await db.schema
    .createIndex('guiding_catalogs_owner_ix')
    .on('guiding_catalogs')
    .columns(['tenant_id', 'owner_unit_id'])
    .execute();

  await db.schema
    .createTable('catalog_entries')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // Exactly one of the two is set: an entry of a guiding catalog ("7") or a unit's own ("X").
    .addColumn('guiding_catalog_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('level1', 'text', (c) => c.notNull())
    .addColumn('level2', 'text')
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('elements', 'text')
    .addColumn('legal_basis', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('timing', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('time_limit_days', 'integer', (c) => c.notNull())
    .addColumn('time_limit_text', 'text')
    .addColumn('min_display_days', 'integer')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('required_channels', 'text', (c) => c.notNull())
    .addColumn('optional_channels', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('level', 'text')
    .addColumn('responsible_role', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('retire_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_entries_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'catalog_entries_catalog_fk',
      ['tenant_id', 'guiding_catalog_id'],
      'guiding_catalogs',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint('catalog_entries_unit_fk', ['tenant_id', 'unit_id'], 'units', [
      'tenant_id',
      'id',
    ])
    .addCheckConstraint(
      'catalog_entries_owner_ck',
      sql`(guiding_catalog_id is null and unit_id is not null) or (guiding_catalog_id is not null and unit_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('catalog_entries_catalog_ix')
    .on('catalog_entries')
    .columns(['tenant_id', 'guiding_catalog_id', 'sort_order'])
    .execute();
  await db.schema
    .createIndex('catalog_entries_unit_ix')
    .on('catalog_entries')
    .columns(['tenant_id', 'unit_id', 'sort_order'])
    .execute();

  await db.schema
    .createTable('catalog_exclusions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addPrimaryKeyConstraint('catalog_exclusions_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('catalog_exclusions_unit_fk', ['tenant_id', 'unit_id'], 'units', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('catalog_exclusions_entry_fk', ['tenant_id', 'entry_id'], 'catalog_entries', [
      'tenant_id',
      'id',
    ])
    .execute();
  // At most one live claim (claimed or accepted) per unit and entry; decided ones are history.
  await db.schema
    .createIndex('catalog_exclusions_live_uq')
    .on('catalog_exclusions')
    .columns(['tenant_id', 'unit_id', 'entry_id'])
    .unique()
    .where(sql.ref('status'), 'in', sql`('claimed', 'accepted')`)
    .execute();
  await db.schema
    .createIndex('catalog_exclusions_entry_ix')
    .on('catalog_exclusions')
    .columns(['tenant_id', 'entry_id'])
    .execute();

  await db.schema
    .createTable('catalog_imports')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('guiding_catalog_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('errors_json', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .addPrimaryKeyConstraint('catalog_imports_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'catalog_imports_catalog_fk',
      ['tenant_id', 'guiding_catalog_id'],
      'guiding_catalogs',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint('catalog_imports_unit_fk', ['tenant_id', 'unit_id'], 'units', [
      'tenant_id',
      'id',
    ])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['catalog_imports', 'catalog_exclusions', 'catalog_entries', 'guiding_catalogs']) {
    await db.schema.dropTable(t).execute();
  }
}
