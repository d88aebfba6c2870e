import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_catalog.ts';
import * as m0003 from './migrations/0003_calendar.ts';
import * as m0004 from './migrations/0004_jobs_notify.ts';
import * as m0005 from './migrations/0005_obligations.ts';
import * as m0006 from './migrations/0006_disclosures.ts';
import * as m0007 from './migrations/0007_portal.ts';
import * as m0008 from './migrations/0008_disclosure_extras.ts';
import * as m0009 from './migrations/0009_requests.ts';
import * as m0010 from './migrations/0010_request_documents.ts';
import * as m0011 from './migrations/0011_feedback.ts';
import * as m0012 from './migrations/0012_consultations.ts';
import * as m0013 from './migrations/0013_demands.ts';
import * as m0014 from './migrations/0014_surveys.ts';
import type { Database } from './types.ts';

/** Migrations are listed here (not read from disk) so they work the same under tsx and bundlers. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_catalog': m0002,
  '0003_calendar': m0003,
  '0004_jobs_notify': m0004,
  '0005_obligations': m0005,
  '0006_disclosures': m0006,
  '0007_portal': m0007,
  '0008_disclosure_extras': m0008,
  '0009_requests': m0009,
  '0010_request_documents': m0010,
  '0011_feedback': m0011,
  '0012_consultations': m0012,
  '0013_demands': m0013,
  '0014_surveys': m0014,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1)!;

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function currentMigration(db: Kysely<Database>): Promise<string | null> {
  const migrator = new Migrator({ db, provider });
  const list = await migrator.getMigrations();
  const done = list.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  return done.sort().at(-1) ?? null;
}
