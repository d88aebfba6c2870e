import type { Kysely } from 'kysely';
import { makeAppendOnly } from '../dialect.ts';

/**
 * Public engagement, part 4 (src/engagement/surveys/): satisfaction surveys and democratic
 * evaluation (满意度测评 / 民主评议). A survey rates a set of units over a period on the scale
 * 满意 / 基本满意 / 不满意; each rater (a signed-in person, or an anonymous device when the survey
 * allows it) rates each unit at most once — `rater_key` is unique per survey and unit. When the
 * office finalizes a survey its results are stored once in survey_results (the snapshot later
 * assessment reads) and never changed.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // the rating period (dates, China time, both included)
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    // signed_in (signed-in people only) | anonymous (anyone, one per device; signed-in people per person)
    .addColumn('audience', 'text', (c) => c.notNull())
    // score weights of 满意 / 基本满意 / 不满意 (default 100 / 60 / 0)
    .addColumn('weight_satisfied', 'integer', (c) => c.notNull())
    .addColumn('weight_basic', 'integer', (c) => c.notNull())
    .addColumn('weight_dissatisfied', 'integer', (c) => c.notNull())
    // draft | open | closed | finalized
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_early', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finalized_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('surveys_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('surveys_status_ix')
    .on('surveys')
    .columns(['tenant_id', 'status', 'closes_on'])
    .execute();

  await db.schema
    .createTable('survey_units')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_units_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('survey_units_uq', ['tenant_id', 'survey_id', 'unit_id'])
    .addForeignKeyConstraint('survey_units_survey_fk', ['tenant_id', 'survey_id'], 'surveys', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('survey_units_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('survey_ratings')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    // 'p:<person id>' for a signed-in rater, 'd:<device id>' for an anonymous one
    .addColumn('rater_key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    // satisfied (满意) | basic (基本满意) | dissatisfied (不满意)
    .addColumn('level', 'text', (c) => c.notNull())
    // never public; shown masked to the office
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_ratings_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('survey_ratings_rater_uq', ['tenant_id', 'survey_id', 'unit_id', 'rater_key'])
    .addForeignKeyConstraint('survey_ratings_survey_fk', ['tenant_id', 'survey_id'], 'surveys', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('survey_ratings_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('survey_results')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('satisfied', 'integer', (c) => c.notNull())
    .addColumn('basic', 'integer', (c) => c.notNull())
    .addColumn('dissatisfied', 'integer', (c) => c.notNull())
    .addColumn('raters', 'integer', (c) => c.notNull())
    // satisfaction rate in percent and weighted score, both rounded to 2 decimals; null = no raters
    .addColumn('rate', 'double precision')
    .addColumn('score', 'double precision')
    .addColumn('rank', 'integer')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_results_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('survey_results_uq', ['tenant_id', 'survey_id', 'unit_id'])
    .addForeignKeyConstraint('survey_results_survey_fk', ['tenant_id', 'survey_id'], 'surveys', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('survey_results_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  // the snapshot "for assessment" is written once by finalizeSurvey and never changed
  await makeAppendOnly(db, 'survey_results');
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_results').execute();
  await db.schema.dropTable('survey_ratings').execute();
  await db.schema.dropTable('survey_units').execute();
  await db.schema.dropTable('surveys').execute();
}
