import type { Kysely } from 'kysely';
import { listTables } from '../db/dialect.ts';

/**
 * What backup and restore know about the schema. They work on whatever tables the migrations
 * made (read through Kysely's introspection, which hides the dialect), plus the few facts below
 * that introspection cannot tell portably: the order foreign keys need, the keys to page by,
 * the append-only tables and the self-references that must be written after the rows exist.
 */

/** A value as this schema stores it: text (ids, ISO timestamps, JSON), integers, or null. */
export type Value = string | number | null;
export type Row = Record<string, Value>;
/** A schema-agnostic view of the database, so table names can be data. */
export type AnyDb = Kysely<Record<string, Row>>;

/**
 * Parents before children. Tables not listed here (added by later migrations) go after these,
 * alphabetically: a migration adding a table with foreign keys between new tables must add it here.
 */
export const TABLE_ORDER = [
  'tenants',
  'units',
  'people',
  'grants',
  'sessions',
  'api_tokens',
  'login_attempts',
  'audit_log',
  'unit_imports',
  'guiding_catalogs',
  'catalog_entries',
  'catalog_exclusions',
  'catalog_imports',
  'calendar_versions',
  'deadline_changes',
  'jobs',
  'notifications',
  'email_outbox',
  'files',
  'tenant_settings',
  'obligations',
  'disclosures',
  'disclosure_versions',
  'disclosure_events',
  'requests',
  'request_events',
  'request_consultations',
  'request_files',
  'request_remedies',
  'request_disclosures',
  'request_attempts',
  'request_document_templates',
  'request_document_numbering',
  'request_document_sequences',
  'request_documents',
  'privacy_patterns',
  'engagement_attempts',
  'feedback',
  'feedback_replies',
  'feedback_events',
  'consultations',
  'consultation_paragraphs',
  'consultation_decisions',
  'consultation_comments',
  'consultation_events',
  'demands',
  'demand_supports',
  'demand_answers',
  'surveys',
  'survey_units',
  'survey_ratings',
  'survey_results',
];

/** Tables guarded by append-only triggers: a forced restore lifts the guard to empty them. */
export const APPEND_ONLY_TABLES = new Set(['audit_log', 'survey_results']);

/**
 * Columns restored by an UPDATE once the whole table is in, because they may point at a row that
 * comes later in the file: a party organisation's host unit can sit deeper in the tree than the
 * organisation itself, so ordering units by depth does not put the host first.
 */
export const DEFERRED_COLUMNS: Record<string, string[]> = { units: ['host_unit_id'] };

/**
 * Paging order for tables that need more than their key: units by depth so that every parent is
 * written (and restored) before its children. The key columns at the end keep the order total.
 */
const PAGE_ORDER: Record<string, string[]> = { units: ['depth', 'tenant_id', 'id'] };

export function orderTables(names: readonly string[]): string[] {
  const known = TABLE_ORDER.filter((t) => names.includes(t));
  const rest = names.filter((t) => !TABLE_ORDER.includes(t)).sort();
  return [...known, ...rest];
}

/**
 * The columns that identify a row. By convention (src/db/types.ts) every table's primary key is
 * (tenant_id, id), or just id for tenants; null when a table does not follow it.
 */
export function keyColumns(columns: readonly string[]): string[] | null {
  if (!columns.includes('id')) return null;
  return columns.includes('tenant_id') ? ['tenant_id', 'id'] : ['id'];
}

/**
 * Columns to page a table by with keyset pagination, or null when the table has no known key:
 * such a table is paged by offset over all its columns, which is slower but still total.
 */
export function pageColumns(table: string, columns: readonly string[]): string[] | null {
  const key = keyColumns(columns);
  if (!key) return null;
  return PAGE_ORDER[table] ?? key;
}

/** The application tables and their columns (in table-definition order). */
export async function describeTables(db: AnyDb): Promise<Map<string, string[]>> {
  const names = new Set(await listTables(db));
  const out = new Map<string, string[]>();
  for (const t of await db.introspection.getTables()) {
    if (t.isView || !names.has(t.name) || out.has(t.name)) continue;
    out.set(
      t.name,
      t.columns.map((c) => c.name),
    );
  }
  return out;
}
