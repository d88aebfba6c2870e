import { type Kysely, sql } from 'kysely';

/**
 * Obligations (公开义务): what a catalog entry demands of a unit for one period, one event or one
 * standing decision, with its due date; fulfilment by a published disclosure or, until then, a
 * manual record with evidence. Also: stored files (evidence photos now, attachments later) and
 * per-tenant settings (due-soon window, stale-column threshold, escalation delay).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // base64 text: the same on both engines and round-trips through the JSON backup unchanged
    .addColumn('content_b64', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('files_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('tenant_settings')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tenant_settings_pk', ['tenant_id', 'key'])
    .execute();

  await db.schema
    .createTable('obligations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // periodic | event | standing
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('basis_date', 'text', (c) => c.notNull())
    .addColumn('time_limit_days', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text')
    .addColumn('fulfilled_on', 'text')
    .addColumn('fulfilled_at', 'text')
    .addColumn('fulfilment_kind', 'text') // disclosure | manual
    .addColumn('fulfilled_by', 'text')
    .addColumn('evidence_note', 'text')
    .addColumn('evidence_file_id', 'text')
    .addColumn('disclosure_id', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('obligations_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('obligations_period_uq', ['tenant_id', 'unit_id', 'entry_id', 'period_key'])
    .addForeignKeyConstraint('obligations_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .addForeignKeyConstraint('obligations_entry_fk', ['tenant_id', 'entry_id'], 'catalog_entries', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('obligations_file_fk', ['tenant_id', 'evidence_file_id'], 'files', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('obligations_due_ix')
    .on('obligations')
    .columns(['tenant_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('obligations_unit_ix')
    .on('obligations')
    .columns(['tenant_id', 'unit_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('obligations_open_ix')
    .on('obligations')
    .columns(['tenant_id', 'due_date'])
    .where(sql.ref('fulfilled_on'), 'is', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('obligations').execute();
  await db.schema.dropTable('tenant_settings').execute();
  await db.schema.dropTable('files').execute();
}
