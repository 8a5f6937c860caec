import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { AppError } from '../shared/errors.js';
import type { Database, Dialect } from './database.js';
import { latestBackup } from './latest-backup.js';
import { assertNotNewer, migrateToLatest, type MigrationReport } from './migrator.js';
import { ReadPool, ReadPoolDriver } from './read-pool.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** A description safe to print: a file path, or a URL without its password. */
  location: string;
  /** The raw better-sqlite3 connection, for SQLite-only work such as online backups. */
  sqlite: BetterSqlite3.Database | null;
  migration: MigrationReport;
  /** How many reader threads answer plain reads (SQLite opened with `readers`); none when absent or 0. */
  readers?: number;
  /** SQLite's quick_check at open: passed, skipped (the file is larger than QUICK_CHECK_MAX_BYTES), or not asked for. */
  quickCheck?: 'passed' | 'skipped' | 'not-run';
  /**
   * A number that changes whenever anything is committed to the database, by this process or
   * another (the CLI, a second server): what a cache of the workspace's data is keyed on.
   * Absent where that cannot be known cheaply (PostgreSQL, an in-memory SQLite database).
   */
  changes?: () => number;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` / `postgresql://…`, or a SQLite file path (optionally `sqlite:` prefixed). */
  url: string;
  /** Apply pending migrations (the default); `false` only checks the version. */
  migrate?: boolean;
  poolSize?: number;
  /**
   * Run SQLite's quick_check before anything else and refuse a damaged file (the server does
   * this at start). Bounded: files larger than QUICK_CHECK_MAX_BYTES are not checked here.
   */
  check?: boolean;
  /**
   * SQLite only: this many worker threads answer plain reads, each on its own read-only
   * connection (see read-pool.ts). For long-running servers; 0 (the default) keeps every
   * query on the one connection.
   */
  readers?: number;
}

/** Above this size a start-up quick_check would hold the start too long; `inroads db check` checks any size. */
export const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

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

/** A path as a POSIX shell reads it back, quoted when it needs to be. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** What to say about getting data back from a damaged file: backups are files the user made with `inroads backup`, the latest named when known. */
function howToRestore(path: string): string {
  const latest = latestBackup(path);
  if (latest) {
    return (
      `Nothing was changed. Your latest backup is ${latest.file} (made ${latest.at.slice(0, 16).replace('T', ' ')} UTC): open it with ` +
      `\`inroads --database ${shellWord(latest.file)}\`, or stop Inroads and copy it over ${path}. \`inroads db check\` lists every problem it finds.`
    );
  }
  return (
    `Nothing was changed. To get your data back, open your latest backup (a file made with \`inroads backup FILE\`) with ` +
    `\`inroads --database FILE\`, or stop Inroads and copy that file over ${path}. \`inroads db check\` lists every problem it finds.`
  );
}

/**
 * Checks, before anything is written, that an existing file is an Inroads database:
 * it reads as SQLite, it is either empty or has Inroads's migration bookkeeping, and
 * (when asked) it passes SQLite's quick_check. Another program's SQLite file, or a
 * damaged one, is refused exactly as it was found.
 */
function assertOurs(sqlite: BetterSqlite3.Database, path: string, check: boolean): void {
  let tables: string[];
  try {
    tables = (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('db.damaged', 500, `${path} cannot be read as an Inroads database (${reason}). ${howToRestore(path)}`);
  }
  if (tables.length > 0 && !tables.includes('kysely_migration')) {
    throw new AppError(
      'db.foreign',
      500,
      `${path} is an SQLite database, but not one Inroads made (it has none of Inroads's bookkeeping). Inroads has not changed it; give Inroads a new file or its own database with --database.`,
    );
  }
  if (!check || statSync(path).size > QUICK_CHECK_MAX_BYTES) return;
  let problems: string[];
  try {
    problems = (sqlite.pragma('quick_check(5)') as Array<{ quick_check: string }>).map((row) => row.quick_check);
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new AppError('db.damaged', 500, `The database at ${path} is damaged (${problems.join('; ')}), so Inroads will not open it. ${howToRestore(path)}`, {
      problems,
    });
  }
}

/** A new database file, and its folder, readable by the owner only; SQLite gives the -wal and -shm files the same mode. */
function createPrivately(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/**
 * Opens SQLite with the durability settings Inroads relies on, and checks each took effect.
 * An existing file is first checked to be Inroads's own (and, with `check`, undamaged):
 * nothing, not even the journal mode, is changed in a file before that.
 */
/**
 * A connection of its own that never reads or writes: SQLite's `data_version` on it changes
 * whenever any other connection (the server's own, the CLI's) commits, which makes it a
 * cheap and exact change counter for the whole file.
 */
function changeWatcher(path: string): BetterSqlite3.Database {
  const watcher = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  watcher.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return watcher;
}

export function openSqlite(path: string, options: { check?: boolean } = {}): BetterSqlite3.Database {
  const memory = path === ':memory:';
  const existed = !memory && existsSync(path) && statSync(path).size > 0;
  if (!memory && !existed) createPrivately(path);
  const sqlite = new BetterSqlite3(path);
  try {
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (existed) assertOurs(sqlite, path, options.check ?? false);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  if (!memory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Reads come from memory-mapped pages and a larger page cache; durability settings are unaffected.
  sqlite.pragma('cache_size = -32000');
  if (!memory) sqlite.pragma('mmap_size = 268435456');
  const checks: Array<[string, unknown, unknown]> = [
    ['journal_mode', sqlite.pragma('journal_mode', { simple: true }), memory ? 'memory' : 'wal'],
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

/** SQLite's full integrity check and foreign-key check: every problem found (an empty list when the file is sound). */
export function integrityProblems(sqlite: BetterSqlite3.Database): string[] {
  const integrity = (sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).filter((line) => line !== 'ok');
  const keys = (sqlite.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>).map(
    (row) => `row ${row.rowid} of ${row.table} points to a missing ${row.parent}`,
  );
  return [...integrity, ...keys];
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

function quickCheckOutcome(url: string, dialect: Dialect, asked: boolean): DatabaseHandle['quickCheck'] {
  if (!asked || dialect !== 'sqlite') return 'not-run';
  const path = url.replace(/^sqlite:(\/\/)?/, '');
  return path !== ':memory:' && statSync(path).size > QUICK_CHECK_MAX_BYTES ? 'skipped' : 'passed';
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const { url } = options;
  let db: Kysely<Database>;
  let dialect: Dialect;
  let sqlite: BetterSqlite3.Database | null = null;
  let driver: ReadPoolDriver | null = null;
  let readersPath: string | null = null;
  let watcher: BetterSqlite3.Database | null = null;
  if (isPostgresUrl(url)) {
    dialect = 'postgres';
    // Loaded only for PostgreSQL, so SQLite users (and the CLI) do not pay for it.
    const { Pool } = (await import('pg')).default;
    const pool = new Pool({ connectionString: url, max: options.poolSize ?? 10 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  } else {
    dialect = 'sqlite';
    const path = url.replace(/^sqlite:(\/\/)?/, '');
    sqlite = openSqlite(path, { check: options.check ?? false });
    const inner = new SqliteDialect({ database: withStatementCache(sqlite) });
    driver = new ReadPoolDriver(inner.createDriver());
    const routed = driver;
    db = new Kysely<Database>({
      dialect: {
        createAdapter: () => inner.createAdapter(),
        createDriver: () => routed,
        createIntrospector: (kysely) => inner.createIntrospector(kysely),
        createQueryCompiler: () => inner.createQueryCompiler(),
      },
      plugins: [new CamelCasePlugin()],
    });
    readersPath = path === ':memory:' ? null : path;
  }
  try {
    let migration: MigrationReport = { applied: [], current: null };
    if (options.migrate === false) await assertNotNewer(db, dialect);
    else migration = await migrateToLatest(db, dialect);
    // Readers start after the migrations, so they open the file as it now is.
    if (driver && readersPath && (options.readers ?? 0) > 0) driver.useReaders(new ReadPool(readersPath, options.readers ?? 0, SQLITE_BUSY_TIMEOUT_MS));
    if (readersPath) watcher = changeWatcher(readersPath);
    const watching = watcher;
    return {
      db,
      dialect,
      sqlite,
      migration,
      readers: driver?.readers ?? 0,
      quickCheck: quickCheckOutcome(url, dialect, options.check ?? false),
      location: redactUrl(url),
      ...(watching ? { changes: () => watching.pragma('data_version', { simple: true }) as number } : {}),
      close: async () => {
        await db.destroy();
        watching?.close();
      },
    };
  } catch (error) {
    watcher?.close();
    await db.destroy();
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('db.unavailable', 500, `Could not open the database at ${redactUrl(url)}: ${reason}`);
  }
}
