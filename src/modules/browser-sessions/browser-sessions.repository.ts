import type { Insertable, Kysely } from 'kysely';
import type { BrowserSessionsTable, Database } from '../../db/database.js';
import type { BrowserSessionRow } from './browser-sessions.rules.js';

/** The browsers signed in to a local workspace: the only SQL about them. */
export function createBrowserSessionsRepository(db: Kysely<Database>) {
  return {
    async insert(row: Insertable<BrowserSessionsTable>): Promise<void> {
      await db.insertInto('browserSessions').values(row).execute();
    },
    async get(id: string): Promise<BrowserSessionRow | undefined> {
      return db.selectFrom('browserSessions').select(['signedInAt', 'issuedAt', 'expiresAt', 'replacedAt']).where('id', '=', id).executeTakeFirst();
    },
    /** Marks a value replaced, unless another request did so first; true when this call did. */
    async markReplaced(id: string, at: string): Promise<boolean> {
      const result = await db.updateTable('browserSessions').set({ replacedAt: at }).where('id', '=', id).where('replacedAt', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Removes values that no longer sign anyone in. */
    async prune(expiredBefore: string, replacedBefore: string): Promise<void> {
      await db
        .deleteFrom('browserSessions')
        .where((eb) => eb.or([eb('expiresAt', '<=', expiredBefore), eb('replacedAt', '<=', replacedBefore)]))
        .execute();
    },
    async deleteAll(): Promise<number> {
      const result = await db.deleteFrom('browserSessions').executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async countValid(now: string): Promise<number> {
      const row = await db
        .selectFrom('browserSessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('expiresAt', '>', now)
        .where('replacedAt', 'is', null)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type BrowserSessionsRepository = ReturnType<typeof createBrowserSessionsRepository>;
