import type { Kysely } from 'kysely';

/**
 * Indexes for the public portal's listings (src/portal/): the newest items of the tenant (home,
 * sitemap), of a unit (unit page, unit feed) and of one column of a unit (column page, column
 * feed), each walked newest first so a page reads only the rows it shows; and the tenant's newest
 * change (Last-Modified of listing pages), counts per column, and the item page's obligation
 * lookup. No tables: listings read `disclosures` as it is.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  // newest first across the tenant; the filters (state, audience, column, display-until) are in
  // the index, so a walk skipping rows of another domain or audience touches no table rows
  await db.schema
    .createIndex('disclosures_portal_latest_ix')
    .on('disclosures')
    .columns(['tenant_id', 'published_at', 'state', 'audience', 'entry_id', 'display_until'])
    .execute();
  await db.schema
    .createIndex('disclosures_portal_unit_ix')
    .on('disclosures')
    .columns(['tenant_id', 'unit_id', 'published_at'])
    .execute();
  await db.schema
    .createIndex('disclosures_portal_column_ix')
    .on('disclosures')
    .columns(['tenant_id', 'unit_id', 'entry_id', 'state', 'published_at'])
    .execute();
  // counts per column of what anonymous visitors see: an index-only scan
  await db.schema
    .createIndex('disclosures_portal_counts_ix')
    .on('disclosures')
    .columns(['tenant_id', 'state', 'audience', 'entry_id', 'display_until', 'published_at'])
    .execute();
  await db.schema
    .createIndex('disclosures_portal_changed_ix')
    .on('disclosures')
    .columns(['tenant_id', 'updated_at'])
    .execute();
  // the item page's "fulfils obligation" line looks obligations up by disclosure
  await db.schema
    .createIndex('obligations_disclosure_ix')
    .on('obligations')
    .columns(['tenant_id', 'disclosure_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const ix of [
    'obligations_disclosure_ix',
    'disclosures_portal_changed_ix',
    'disclosures_portal_counts_ix',
    'disclosures_portal_column_ix',
    'disclosures_portal_unit_ix',
    'disclosures_portal_latest_ix',
  ])
    await db.schema.dropIndex(ix).execute();
}
