import type { Kysely } from 'kysely';

/**
 * The statutory documents of information requests (src/requests/documents/): the office's
 * templates per tenant and kind, the 文号 pattern per unit, one number sequence per unit and year,
 * and the issued documents (numbered PDFs stored in `files`, attached to their request).
 * The unique key on (unit, year, seq) backs the gap-free numbering: a number is allocated in the
 * same transaction that records the document, so a rollback returns it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_document_templates')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('number_line', 'text', (c) => c.notNull())
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_document_templates_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('request_document_templates_uq', ['tenant_id', 'kind'])
    .execute();

  await db.schema
    .createTable('request_document_numbering')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_document_numbering_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('request_document_numbering_uq', ['tenant_id', 'unit_id'])
    .addForeignKeyConstraint('request_document_numbering_unit_fk', ['tenant_id', 'unit_id'], 'units', [
      'tenant_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('request_document_sequences')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_document_sequences_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('request_document_sequences_uq', ['tenant_id', 'unit_id', 'year'])
    .addForeignKeyConstraint('request_document_sequences_unit_fk', ['tenant_id', 'unit_id'], 'units', [
      'tenant_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('request_documents')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_documents_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('request_documents_number_uq', ['tenant_id', 'unit_id', 'year', 'seq'])
    .addForeignKeyConstraint('request_documents_request_fk', ['tenant_id', 'request_id'], 'requests', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('request_documents_unit_fk', ['tenant_id', 'unit_id'], 'units', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('request_documents_file_fk', ['tenant_id', 'file_id'], 'files', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('request_documents_request_ix')
    .on('request_documents')
    .columns(['tenant_id', 'request_id', 'issued_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'request_documents',
    'request_document_sequences',
    'request_document_numbering',
    'request_document_templates',
  ])
    await db.schema.dropTable(t).execute();
}
