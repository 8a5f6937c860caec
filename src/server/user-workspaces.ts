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
  /** The user's workspace: its context, and a handle for backups and the workspace page. */
  open(userId: string): Promise<UserWorkspace>;
  contextFor(userId: string): Promise<AppContext>;
  close(): Promise<void>;
}

export interface UserWorkspace {
  ctx: AppContext;
  handle: DatabaseHandle;
}

interface Open extends UserWorkspace {
  close(): Promise<void>;
}

/** Where a user's data is, as the workspace page shows it: never a server path. */
const LOCATION = 'your account on this Inroads server';

/** Keeps at most `max` workspaces open, closing the least recently used. */
function cache(open: (userId: string) => Promise<Open>, max: number): UserWorkspaces {
  const entries = new Map<string, Promise<Open>>();
  const workspaces: UserWorkspaces = {
    async open(userId) {
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
      const { ctx, handle } = await entry;
      return { ctx, handle };
    },
    contextFor: async (userId) => (await workspaces.open(userId)).ctx,
    async close() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map((e) => e.then((o) => o.close()).catch(() => undefined)));
    },
  };
  return workspaces;
}

/**
 * One schema per user in PostgreSQL, all through one pool. A workspace is only a
 * view of the pool (a few kilobytes), so thousands stay open.
 */
export function postgresUserWorkspaces(pool: Pool, clock: Clock, max = 10_000): UserWorkspaces {
  const views = cache(async (userId) => {
    const schema = schemaFor(userId);
    const db: Kysely<Database> = schemaDatabase(pool, schema);
    const migration = await prepareSchema(db, schema);
    const handle: DatabaseHandle = { db, dialect: 'postgres', sqlite: null, migration, location: LOCATION, close: () => db.destroy() };
    return { ctx: createAppContext(handle, clock), handle, close: handle.close };
  }, max);
  return views;
}

/** One SQLite file per user under `dir`. */
export function sqliteUserWorkspaces(dir: string, clock: Clock, max = 256): UserWorkspaces {
  mkdirSync(dir, { recursive: true });
  return cache(async (userId) => {
    const opened = await openDatabase({ url: join(dir, `${userId}.db`) });
    const handle: DatabaseHandle = { ...opened, location: LOCATION };
    return { ctx: createAppContext(handle, clock), handle, close: () => opened.close() };
  }, max);
}
