import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { AppError } from '../shared/errors.js';
import type { Database, Dialect } from './database.js';
import { assertNotNewer, migrateToLatest, type MigrationReport } from './migrator.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** A description safe to print: a file path, or a URL without its password. */
  location: string;
  /** The raw better-sqlite3 connection, for SQLite-only work such as online backups. */
  sqlite: BetterSqlite3.Database | null;
  migration: MigrationReport;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` / `postgresql://…`, or a SQLite file path (optionally `sqlite:` prefixed). */
  url: string;
  /** Apply pending migrations (the default); `false` only checks the version. */
  migrate?: boolean;
  poolSize?: number;
}

export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function redactUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Opens SQLite with the durability settings Inroads relies on, and checks each took effect. */
export function openSqlite(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Reads come from memory-mapped pages and a larger page cache; durability settings are unaffected.
  sqlite.pragma('cache_size = -32000');
  if (path !== ':memory:') sqlite.pragma('mmap_size = 268435456');
  const checks: Array<[string, unknown, unknown]> = [
    ['journal_mode', sqlite.pragma('journal_mode', { simple: true }), path === ':memory:' ? 'memory' : 'wal'],
    ['synchronous', sqlite.pragma('synchronous', { simple: true }), 2],
    ['foreign_keys', sqlite.pragma('foreign_keys', { simple: true }), 1],
    ['busy_timeout', sqlite.pragma('busy_timeout', { simple: true }), SQLITE_BUSY_TIMEOUT_MS],
  ];
  for (const [name, actual, expected] of checks) {
    if (actual !== expected) {
      sqlite.close();
      throw new AppError('db.settings', 500, `SQLite setting ${name} is ${String(actual)}, expected ${String(expected)} (${path}).`);
    }
  }
  return sqlite;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; better-sqlite3 statements are reusable, so
 * keep the most recent ones by SQL text. Safe because better-sqlite3 is synchronous.
 */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (query: string) => {
      let statement = cache.get(query);
      if (statement) {
        cache.delete(query);
      } else {
        statement = sqlite.prepare(query);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(query, statement);
      return statement;
    },
  };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const { url } = options;
  let db: Kysely<Database>;
  let dialect: Dialect;
  let sqlite: BetterSqlite3.Database | null = null;
  if (isPostgresUrl(url)) {
    dialect = 'postgres';
    // Loaded only for PostgreSQL, so SQLite users (and the CLI) do not pay for it.
    const { Pool } = (await import('pg')).default;
    const pool = new Pool({ connectionString: url, max: options.poolSize ?? 10 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  } else {
    dialect = 'sqlite';
    sqlite = openSqlite(url.replace(/^sqlite:(\/\/)?/, ''));
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
  }
  try {
    let migration: MigrationReport = { applied: [], current: null };
    if (options.migrate === false) await assertNotNewer(db, dialect);
    else migration = await migrateToLatest(db, dialect);
    return { db, dialect, sqlite, migration, location: redactUrl(url), close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('db.unavailable', 500, `Could not open the database at ${redactUrl(url)}: ${reason}`);
  }
}
