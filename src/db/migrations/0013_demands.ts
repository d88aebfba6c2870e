import { type Kysely, sql } from 'kysely';

/**
 * Public engagement, part 3 (src/engagement/demands/): 点单式公开 (DisclosureDemand). The public asks
 * a unit to disclose something its catalog does not cover; others support the demand (one per
 * person or device, enforced by a unique key); the unit answers once, publicly and immutably:
 * added to its catalog (an own "X" entry), already published (a link to a disclosure), or cannot
 * be disclosed (a legal ground + explanation). The writer's contact is never shown.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demands')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // the title as matched for duplicates (lower case, no spaces or punctuation)
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    // never shown publicly; only to those who may answer the demand
    .addColumn('contact', 'text')
    // the signed-in person who asked, if any
    .addColumn('submitted_by', 'text')
    // held (sensitive words: waits for moderation) | open | answered | rejected (never public)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_words', 'text')
    .addColumn('moderated_by', 'text')
    .addColumn('moderated_at', 'text')
    .addColumn('moderation_note', 'text')
    // cached count of demand_supports rows, updated in the transaction that adds one
    .addColumn('support_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demands_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('demands_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  // One live (held or open) demand per unit and normalised title: a repeat is pointed to the first.
  await db.schema
    .createIndex('demands_live_title_uq')
    .on('demands')
    .columns(['tenant_id', 'unit_id', 'title_key'])
    .unique()
    .where(sql.ref('status'), 'in', sql`('held', 'open')`)
    .execute();
  await db.schema
    .createIndex('demands_unit_status_ix')
    .on('demands')
    .columns(['tenant_id', 'unit_id', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('demands_status_support_ix')
    .on('demands')
    .columns(['tenant_id', 'status', 'support_count'])
    .execute();

  await db.schema
    .createTable('demand_supports')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('demand_id', 'text', (c) => c.notNull())
    // 'p:<person id>' for signed-in people, 'd:<device id>' for anonymous visitors
    .addColumn('supporter_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demand_supports_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('demand_supports_once_uq', ['tenant_id', 'demand_id', 'supporter_key'])
    .addForeignKeyConstraint('demand_supports_demand_fk', ['tenant_id', 'demand_id'], 'demands', [
      'tenant_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('demand_answers')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('demand_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    // added_to_catalog | already_published | cannot_disclose
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('catalog_entry_id', 'text')
    .addColumn('disclosure_id', 'text')
    // cannot_disclose: a key of grounds.ts (the withheld outcomes of 条例)
    .addColumn('ground', 'text')
    .addColumn('explanation', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_by_name', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demand_answers_pk', ['tenant_id', 'id'])
    // one answer per demand: the answer is public and immutable
    .addUniqueConstraint('demand_answers_once_uq', ['tenant_id', 'demand_id'])
    .addForeignKeyConstraint('demand_answers_demand_fk', ['tenant_id', 'demand_id'], 'demands', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'demand_answers_entry_fk',
      ['tenant_id', 'catalog_entry_id'],
      'catalog_entries',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint('demand_answers_disclosure_fk', ['tenant_id', 'disclosure_id'], 'disclosures', [
      'tenant_id',
      'id',
    ])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('demand_answers').execute();
  await db.schema.dropTable('demand_supports').execute();
  await db.schema.dropTable('demands').execute();
}
