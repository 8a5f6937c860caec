import type { AppContext } from './repositories.js';

/** What is kept per workspace: by name, the last few keys' loads. */
const kept = new WeakMap<object, Map<string, Map<string, Promise<unknown>>>>();
const KEYS_PER_NAME = 4;

/**
 * Data read from the workspace, kept until the next commit to it. Where the database says when
 * anything was committed (SQLite: by this server, the CLI or another process; see
 * DatabaseHandle.changes), a load made under the same change count and `key` is handed out
 * again instead of read again; anywhere else (PostgreSQL, inside a transaction) it is read
 * every time. Only what depends on nothing but the stored data and `key` may be kept: the
 * caller works out anything that depends on the clock from it on each call.
 */
export function keptUntilChange<T>(ctx: AppContext, name: string, key: string, load: () => Promise<T>): Promise<T> {
  const changes = ctx.changes;
  if (!changes) return load();
  const full = `${changes()}|${key}`;
  let byName = kept.get(ctx.repos);
  if (!byName) kept.set(ctx.repos, (byName = new Map()));
  let loads = byName.get(name);
  if (!loads) byName.set(name, (loads = new Map()));
  const existing = loads.get(full) as Promise<T> | undefined;
  if (existing) return existing;
  const loading = load();
  const current = loads;
  // A failed load is not kept.
  loading.catch(() => current.delete(full));
  if (current.size >= KEYS_PER_NAME) current.clear();
  current.set(full, loading);
  return loading;
}
