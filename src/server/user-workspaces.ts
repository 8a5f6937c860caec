import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { openDatabase, type DatabaseHandle } from '../db/factory.js';
import { prepareSchema, schemaDatabase, schemaFor, workspaceDatabase } from '../db/schemas.js';
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
  /**
   * The user's workspace (its context, and a handle for backups and the workspace
   * page), leased: it stays open until `release()`, even if it is evicted meanwhile.
   */
  open(userId: string): Promise<LeasedWorkspace>;
  /** Runs `work` in the user's workspace, holding a lease for as long as it runs. */
  use<T>(userId: string, work: (ctx: AppContext) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface UserWorkspace {
  ctx: AppContext;
  handle: DatabaseHandle;
}

export interface LeasedWorkspace extends UserWorkspace {
  /** Ends this lease; safe to call more than once. */
  release(): void;
}

interface Open extends UserWorkspace {
  close(): Promise<void>;
}

interface Entry {
  opening: Promise<Open>;
  leases: number;
  /** Out of the cache: closed when its last lease ends. */
  evicted: boolean;
}

/** Where a user's data is, as the workspace page shows it: never a server path. */
const LOCATION = 'your account on this Inroads server';

const closeEntry = (entry: Entry) => void entry.opening.then((o) => o.close()).catch(() => undefined);

/** Keeps at most `max` workspaces open, closing the least recently used once nobody is using it. */
function cache(open: (userId: string) => Promise<Open>, max: number): UserWorkspaces {
  const entries = new Map<string, Entry>();
  const workspaces: UserWorkspaces = {
    async open(userId) {
      if (!ID_PATTERN.test(userId)) throw new Error(`not a user id: ${userId}`);
      let entry = entries.get(userId);
      if (entry) entries.delete(userId);
      else {
        const created: Entry = { opening: open(userId), leases: 0, evicted: false };
        // A failed open is not cached: the next request tries again.
        created.opening.catch(() => {
          if (entries.get(userId) === created) entries.delete(userId);
        });
        entry = created;
      }
      entries.set(userId, entry);
      entry.leases += 1;
      while (entries.size > max) {
        const [oldest, evicted] = entries.entries().next().value as [string, Entry];
        entries.delete(oldest);
        evicted.evicted = true;
        if (evicted.leases === 0) closeEntry(evicted);
      }
      const leased = entry;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        leased.leases -= 1;
        if (leased.evicted && leased.leases === 0) closeEntry(leased);
      };
      try {
        const { ctx, handle } = await leased.opening;
        return { ctx, handle, release };
      } catch (error) {
        release();
        throw error;
      }
    },
    async use(userId, work) {
      const leased = await workspaces.open(userId);
      try {
        return await work(leased.ctx);
      } finally {
        leased.release();
      }
    },
    async close() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map((e) => e.opening.then((o) => o.close()).catch(() => undefined)));
    },
  };
  return workspaces;
}

/**
 * One schema per user in PostgreSQL, all through one pool. A workspace is only a
 * view of the pool (a few kilobytes), so thousands stay open. The pool must be used
 * only through these views (see src/db/schemas.ts).
 */
export function postgresUserWorkspaces(pool: Pool, clock: Clock, max = 10_000): UserWorkspaces {
  const views = cache(async (userId) => {
    const schema = schemaFor(userId);
    const migration = await prepareSchema(schemaDatabase(pool, schema), schema);
    // Everyday queries name the schema in their SQL: no search_path round trip before each one.
    const db: Kysely<Database> = workspaceDatabase(pool, schema);
    // A view holds no connection of its own (the shared pool does), so there is nothing to close: an evicted
    // view is simply forgotten, and a request still using it finishes normally.
    const handle: DatabaseHandle = { db, dialect: 'postgres', sqlite: null, migration, location: LOCATION, close: async () => undefined };
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
