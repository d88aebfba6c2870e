import { type Kysely, sql } from 'kysely';
import { makeAppendOnly } from '../dialect.ts';

/**
 * Foundation schema: tenants, units, people, grants, sessions, tokens, sign-in attempts,
 * the audit log and unit imports. Written with the schema builder so it runs on both dialects.
 * tenant_id leads every key (see src/db/types.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and do not use the live types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sphere', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('admin_code', 'text')
    .addColumn('host_unit_id', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('address', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('retire_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('units_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('units_code_uq', ['tenant_id', 'code'])
    .addForeignKeyConstraint('units_parent_fk', ['tenant_id', 'parent_id'], 'units', ['tenant_id', 'id'])
    .addForeignKeyConstraint('units_host_fk', ['tenant_id', 'host_unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('units_parent_ix').on('units').columns(['tenant_id', 'parent_id']).execute();
  await db.schema.createIndex('units_path_ix').on('units').columns(['tenant_id', 'path']).execute();

  await db.schema
    .createTable('people')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('people_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('people_username_uq', ['tenant_id', 'username'])
    .addForeignKeyConstraint('people_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('grants')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('covers_subtree', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addPrimaryKeyConstraint('grants_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('grants_person_fk', ['tenant_id', 'person_id'], 'people', ['tenant_id', 'id'])
    .addForeignKeyConstraint('grants_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('grants_active_uq')
    .on('grants')
    .columns(['tenant_id', 'person_id', 'role', 'unit_id'])
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addPrimaryKeyConstraint('sessions_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('sessions_person_fk', ['tenant_id', 'person_id'], 'people', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('sessions_person_ix')
    .on('sessions')
    .columns(['tenant_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('api_tokens_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('api_tokens_hash_uq', ['tenant_id', 'token_hash'])
    .addForeignKeyConstraint('api_tokens_person_fk', ['tenant_id', 'person_id'], 'people', [
      'tenant_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_attempts_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('login_attempts_user_ix')
    .on('login_attempts')
    .columns(['tenant_id', 'username', 'at'])
    .execute();
  await db.schema
    .createIndex('login_attempts_ip_ix')
    .on('login_attempts')
    .columns(['tenant_id', 'ip', 'at'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addPrimaryKeyConstraint('audit_log_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('audit_log_at_ix').on('audit_log').columns(['tenant_id', 'at']).execute();
  await db.schema
    .createIndex('audit_log_target_ix')
    .on('audit_log')
    .columns(['tenant_id', 'target_id'])
    .execute();
  await db.schema
    .createIndex('audit_log_unit_ix')
    .on('audit_log')
    .columns(['tenant_id', 'unit_id', 'at'])
    .execute();
  await makeAppendOnly(db, 'audit_log');

  await db.schema
    .createTable('unit_imports')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('errors_json', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .addPrimaryKeyConstraint('unit_imports_pk', ['tenant_id', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'unit_imports',
    'audit_log',
    'login_attempts',
    'api_tokens',
    'sessions',
    'grants',
    'people',
    'units',
    'tenants',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
