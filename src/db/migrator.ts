import { sql, type Kysely } from 'kysely';
import { AppError } from '../shared/errors.js';
import type { Dialect } from './database.js';
import { migrations } from './migrations/registry.js';

/** Kysely's bookkeeping tables, kept so databases migrated by earlier versions read the same. */
const MIGRATION_TABLE = 'kysely_migration';
const LOCK_TABLE = 'kysely_migration_lock';

/**
 * Whether the migration table exists where the connection looks (the current
 * schema on PostgreSQL). A direct lookup: with a schema per user a database may
 * hold tens of thousands of tables, and listing them all (as a general-purpose
 * migrator does) on every open would grow with the number of users.
 */
async function hasMigrationTable(db: Kysely<any>, dialect: Dialect): Promise<boolean> {
  const found =
    dialect === 'sqlite'
      ? await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`.execute(db)
      : await sql<{ n: number }>`select count(*)::int as n from pg_class where oid = to_regclass(${MIGRATION_TABLE})`.execute(db);
  return Number(found.rows[0]?.n ?? 0) > 0;
}

async function appliedMigrationNames(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  if (!(await hasMigrationTable(db, dialect))) return [];
  const rows = await db.selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute();
  return rows.map((r: { name: string }) => r.name);
}

/** Refuses a database that a newer Inroads has migrated past what this version knows. */
export async function assertNotNewer(db: Kysely<any>, dialect: Dialect): Promise<void> {
  refuseNewer(await appliedMigrationNames(db, dialect));
}

function refuseNewer(applied: string[]): void {
  const known = new Set(Object.keys(migrations));
  const unknown = applied.filter((name) => !known.has(name));
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

const current = (applied: string[]) => applied.at(-1) ?? null;

/** The report for a database with nothing to apply, or null when something is pending; refuses a newer one. */
export async function upToDate(db: Kysely<any>, dialect: Dialect): Promise<MigrationReport | null> {
  const applied = await appliedMigrationNames(db, dialect);
  refuseNewer(applied);
  return Object.keys(migrations).every((name) => applied.includes(name)) ? { applied: [], current: current(applied) } : null;
}

/**
 * Applies every pending migration, in registry order, in one transaction: all of
 * them or none. An up-to-date database costs one lookup and one small read. Where
 * several processes open the same database (or PostgreSQL schema) at once, one
 * migrates while the others wait for it, then find nothing left to do: on
 * PostgreSQL an advisory lock per schema (taken before the schema is created, so
 * two instances cannot race to create it), on SQLite the write lock, taken at
 * the start (`begin immediate`) so the busy timeout applies.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, options: { schema?: string } = {}): Promise<MigrationReport> {
  const fresh = await upToDate(db, dialect);
  if (fresh) return fresh;
  const names = Object.keys(migrations);
  const migrate = async (tx: Kysely<any>): Promise<MigrationReport> => {
    if (dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext(coalesce(${options.schema ?? null}::text, current_schema(), 'public')))`.execute(tx);
      if (options.schema) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(tx);
    }
    await sql`create table if not exists ${sql.table(MIGRATION_TABLE)} (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(tx);
    await sql`create table if not exists ${sql.table(LOCK_TABLE)} (id varchar(255) not null primary key, is_locked integer default 0 not null)`.execute(tx);
    const done = await appliedMigrationNames(tx, dialect);
    refuseNewer(done);
    const applied: string[] = [];
    for (const name of names) {
      if (done.includes(name)) continue;
      try {
        await migrations[name]?.up(tx, dialect);
      } catch (error) {
        throw new AppError('db.migration_failed', 500, `Could not update the database schema (${name}): ${error instanceof Error ? error.message : String(error)}`);
      }
      await tx.insertInto(MIGRATION_TABLE).values({ name, timestamp: new Date().toISOString() }).execute();
      applied.push(name);
    }
    return { applied, current: current([...done, ...applied].sort()) };
  };
  try {
    if (dialect === 'postgres') return await db.transaction().execute(migrate);
    return await db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      try {
        const report = await migrate(connection);
        await sql`commit`.execute(connection);
        return report;
      } catch (error) {
        await sql`rollback`.execute(connection);
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('db.migration_failed', 500, `Could not update the database schema: ${error instanceof Error ? error.message : String(error)}`);
  }
}
