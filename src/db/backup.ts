import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../shared/errors.js';
import type { Database } from './database.js';
import { DATA_TABLES } from './tables.js';
import type { DatabaseHandle } from './factory.js';
import { migrateToLatest } from './migrator.js';


function fsyncPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function checkIntegrity(path: string): void {
  const check = new BetterSqlite3(path, { readonly: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    const fk = check.pragma('foreign_key_check') as unknown[];
    if (result !== 'ok' || fk.length > 0) {
      throw new AppError('backup.integrity', 500, `The backup failed its integrity check (${String(result)}); nothing was written.`);
    }
  } finally {
    check.close();
  }
}

/** PostgreSQL → a SQLite file with the same schema, read in one repeatable-read snapshot. */
async function copyPostgresTo(handle: DatabaseHandle, path: string): Promise<void> {
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = DELETE');
  const target = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  try {
    await migrateToLatest(target, 'sqlite');
    await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await target.transaction().execute(async (out) => {
          // Migrations seed built-in rows; the snapshot brings its own.
          for (const table of [...DATA_TABLES].reverse()) await out.deleteFrom(table).execute();
          for (const table of DATA_TABLES) {
            // search_documents has a derived tsvector column on PostgreSQL: copy only the data columns.
            const rows =
              table === 'searchDocuments'
                ? await trx.selectFrom('searchDocuments').select(['entityType', 'entityId', 'name', 'body']).execute()
                : await trx.selectFrom(table).selectAll().execute();
            for (let i = 0; i < rows.length; i += 200) await out.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
          }
        });
      });
  } finally {
    await target.destroy();
  }
}

/**
 * A consistent snapshot of the whole workspace as a SQLite file: written to a
 * temporary file beside the target, integrity-checked, fsynced, then renamed into
 * place, so FILE is either the old file or a complete backup — never half of one.
 */
export async function backupDatabase(handle: DatabaseHandle, file: string): Promise<{ file: string; bytes: number }> {
  const target = resolve(file);
  const temporary = `${target}.partial-${process.pid}`;
  rmSync(temporary, { force: true });
  try {
    if (handle.sqlite) {
      handle.sqlite.prepare('vacuum into ?').run(temporary);
    } else {
      await copyPostgresTo(handle, temporary);
    }
    checkIntegrity(temporary);
    fsyncPath(temporary, 'r+');
    renameSync(temporary, target);
    fsyncPath(dirname(target));
    return { file: target, bytes: statSync(target).size };
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('backup.failed', 500, `Could not write the backup to ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
