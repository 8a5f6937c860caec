import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { openDatabase, type DatabaseHandle } from '../db/factory.js';
import { prepareSchema, schemaDatabase, schemaFor } from '../db/schemas.js';
import { createAppContext, type AppContext } from '../modules/repositories.js';
import type { Clock } from '../shared/clock.js';
import { ID_PATTERN } from '../shared/ids.js';

/**
 * Every user's data in a workspace of its own: a PostgreSQL schema in the shared
 * database, or (for a small single-host install) a SQLite file per user. Asking
 * for a user's context is the one way to reach their data, so one user cannot
 * read or change another's by any route: isolation by construction.
 */
export interface UserWorkspaces {
  contextFor(userId: string): Promise<AppContext>;
  close(): Promise<void>;
}

interface Open {
  ctx: AppContext;
  close(): Promise<void>;
}

/** Keeps at most `max` workspaces open, closing the least recently used. */
function cache(open: (userId: string) => Promise<Open>, max: number): UserWorkspaces {
  const entries = new Map<string, Promise<Open>>();
  return {
    async contextFor(userId) {
      if (!ID_PATTERN.test(userId)) throw new Error(`not a user id: ${userId}`);
      let entry = entries.get(userId);
      if (entry) entries.delete(userId);
      else {
        entry = open(userId);
        // A failed open is not cached: the next request tries again.
        entry.catch(() => entries.delete(userId));
      }
      entries.set(userId, entry);
      while (entries.size > max) {
        const [oldest, evicted] = entries.entries().next().value as [string, Promise<Open>];
        entries.delete(oldest);
        void evicted.then((o) => o.close()).catch(() => undefined);
      }
      return (await entry).ctx;
    },
    async close() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map((e) => e.then((o) => o.close()).catch(() => undefined)));
    },
  };
}

/** One schema per user in PostgreSQL, all through one pool. */
export function postgresUserWorkspaces(pool: Pool, clock: Clock, max = 500): UserWorkspaces {
  const views = cache(async (userId) => {
    const schema = schemaFor(userId);
    const db: Kysely<Database> = schemaDatabase(pool, schema);
    await prepareSchema(db, schema);
    return { ctx: createAppContext({ db, dialect: 'postgres', sqlite: null }, clock), close: () => db.destroy() };
  }, max);
  return views;
}

/** One SQLite file per user under `dir`. */
export function sqliteUserWorkspaces(dir: string, clock: Clock, max = 64): UserWorkspaces {
  mkdirSync(dir, { recursive: true });
  return cache(async (userId) => {
    const handle: DatabaseHandle = await openDatabase({ url: join(dir, `${userId}.db`) });
    return { ctx: createAppContext(handle, clock), close: () => handle.close() };
  }, max);
}
