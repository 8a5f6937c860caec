import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/factory.js';
import { schemaFor } from '../db/schemas.js';
import { ID_PATTERN } from '../shared/ids.js';

/**
 * Deletes a user's workspace for good: their PostgreSQL schema (in the accounts
 * database, where every workspace lives) or their SQLite file under `sqliteDir`
 * (with its journal files). Removing one that is not there is no error.
 */
export function workspaceRemover(control: DatabaseHandle, sqliteDir: string): (userId: string) => Promise<void> {
  return async (userId) => {
    if (!ID_PATTERN.test(userId)) throw new Error(`not a user id: ${userId}`);
    if (control.dialect === 'postgres') {
      await sql`drop schema if exists ${sql.id(schemaFor(userId))} cascade`.execute(control.db);
      return;
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(join(sqliteDir, `${userId}.db${suffix}`), { force: true });
  };
}
