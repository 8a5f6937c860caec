import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../shared/errors.js';
import type { Dialect } from './database.js';
import { migrations } from './migrations/registry.js';

const MIGRATION_TABLE = 'kysely_migration';

function provider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(migrations)) {
        out[name] = { up: (db) => migration.up(db, dialect), down: (db) => migration.down(db, dialect) };
      }
      return out;
    },
  };
}

async function appliedMigrationNames(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const exists =
    dialect === 'sqlite'
      ? await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`.execute(db)
      : await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = ${MIGRATION_TABLE}`.execute(db);
  if (Number(exists.rows[0]?.n ?? 0) === 0) return [];
  const rows = await db.selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute();
  return rows.map((r: { name: string }) => r.name);
}

/** Refuses a database that a newer Inroads has migrated past what this version knows. */
export async function assertNotNewer(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const known = new Set(Object.keys(migrations));
  const unknown = (await appliedMigrationNames(db, dialect)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError(
      'db.newer_version',
      500,
      `This database was written by a newer version of Inroads (it has schema change ${unknown.join(', ')}, which this version does not know). Upgrade Inroads to open it; nothing was changed.`,
      { unknownMigrations: unknown },
    );
  }
}

export interface MigrationReport {
  applied: string[];
  current: string | null;
}

/**
 * Applies every pending migration. `schema` (PostgreSQL) keeps the migration
 * bookkeeping in that schema, for a workspace that lives in a schema of its own.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<MigrationReport> {
  await assertNotNewer(db, dialect);
  const migrator = new Migrator({ db, provider: provider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new AppError(
      'db.migration_failed',
      500,
      `Could not update the database schema${failed ? ` (${failed.migrationName})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const names = await appliedMigrationNames(db, dialect);
  return { applied, current: names.at(-1) ?? null };
}
