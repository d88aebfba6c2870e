import type { Kysely } from 'kysely';

/**
 * 依申请公开 (information requests, src/requests/): the working record of each request, its trail,
 * consultations (Arts. 32/34), files (supplements, reply attachments), remedies (行政复议/诉讼),
 * links to disclosures made from requests (Art. 44) and the per-IP attempt log of the public forms.
 * Person-identifying columns (applicant_name … postcode) are shown only to the handling unit and the
 * office (src/auth/policy.ts request.view) and masked in exports.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('tracking_code', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    // online | in_person | registered_post | ordinary_post | fax | email
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_on', 'text')
    // 收到申请之日 (Art. 31); null while awaiting confirmation
    .addColumn('received_on', 'text')
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('contact_person', 'text')
    .addColumn('id_type', 'text')
    .addColumn('id_number', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('provision_form', 'text', (c) => c.notNull())
    .addColumn('obtain_method', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('supplement_notice_on', 'text')
    .addColumn('supplement_due_on', 'text')
    .addColumn('supplement_request', 'text')
    .addColumn('supplement_received_on', 'text')
    .addColumn('supplement_text', 'text')
    .addColumn('extension_days', 'integer')
    .addColumn('extension_on', 'text')
    .addColumn('extension_reason', 'text')
    .addColumn('extension_approved_by', 'text')
    .addColumn('fee_method', 'text')
    .addColumn('fee_quantity', 'integer')
    .addColumn('fee_amount', 'integer')
    .addColumn('fee_notice_on', 'text')
    .addColumn('fee_due_on', 'text')
    .addColumn('fee_paid_on', 'text')
    // cached from the deadline engine on every step (recomputed, never the only truth)
    .addColumn('due_date', 'text')
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clock_paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_kind', 'text')
    .addColumn('reply_text', 'text')
    // partial disclosure: the 不予公开 ground (an outcome key) of the withheld part
    .addColumn('reply_ground', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('replied_by', 'text')
    .addColumn('precheck', 'text')
    .addColumn('delivery_method', 'text')
    .addColumn('delivered_on', 'text')
    // table 三 row key (src/requests/outcomes.ts) and the day the request ended with it
    .addColumn('outcome_key', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('transferred_from_unit_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('requests_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('requests_code_uq', ['tenant_id', 'tracking_code'])
    .addForeignKeyConstraint('requests_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('requests_unit_ix')
    .on('requests')
    .columns(['tenant_id', 'unit_id', 'state'])
    .execute();
  await db.schema.createIndex('requests_due_ix').on('requests').columns(['tenant_id', 'due_date']).execute();
  await db.schema
    .createIndex('requests_received_ix')
    .on('requests')
    .columns(['tenant_id', 'received_on'])
    .execute();

  await db.schema
    .createTable('request_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // the legal date of the step (received, notice sent, pause start/end, delivered …)
    .addColumn('on_date', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('to_unit_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('detail_json', 'text')
    // shown to the applicant on the tracking page
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('request_events_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('request_events_request_fk', ['tenant_id', 'request_id'], 'requests', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('request_events_ix')
    .on('request_events')
    .columns(['tenant_id', 'request_id', 'at'])
    .execute();
  await db.schema
    .createIndex('request_events_unit_ix')
    .on('request_events')
    .columns(['tenant_id', 'unit_id', 'action'])
    .execute();

  await db.schema
    .createTable('request_consultations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // third_party | co_producer
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('result', 'text') // agreed | objected | silent | silent_consent
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_consultations_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('request_consultations_request_fk', ['tenant_id', 'request_id'], 'requests', [
      'tenant_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('request_files')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // supplement | reply | disclosed_part
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_files_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('request_files_request_fk', ['tenant_id', 'request_id'], 'requests', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('request_files_file_fk', ['tenant_id', 'file_id'], 'files', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('request_files_ix')
    .on('request_files')
    .columns(['tenant_id', 'request_id'])
    .execute();

  await db.schema
    .createTable('request_remedies')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // reconsideration | litigation_direct | litigation_after_reconsideration
    .addColumn('result', 'text', (c) => c.notNull()) // upheld | corrected | other | pending
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_remedies_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('request_remedies_request_fk', ['tenant_id', 'request_id'], 'requests', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('request_remedies_ix')
    .on('request_remedies')
    .columns(['tenant_id', 'unit_id', 'filed_on'])
    .execute();

  await db.schema
    .createTable('request_disclosures')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('disclosure_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_disclosures_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('request_disclosures_uq', ['tenant_id', 'request_id', 'disclosure_id'])
    .addForeignKeyConstraint('request_disclosures_request_fk', ['tenant_id', 'request_id'], 'requests', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'request_disclosures_disclosure_fk',
      ['tenant_id', 'disclosure_id'],
      'disclosures',
      ['tenant_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('request_attempts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // submit | track
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_attempts_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('request_attempts_ix')
    .on('request_attempts')
    .columns(['tenant_id', 'kind', 'ip', 'at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'request_attempts',
    'request_disclosures',
    'request_remedies',
    'request_files',
    'request_consultations',
    'request_events',
    'requests',
  ])
    await db.schema.dropTable(t).execute();
}
