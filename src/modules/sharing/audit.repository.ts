import type { Kysely, Selectable } from 'kysely';
import type { AccessLogTable, Database } from '../../db/database.js';
import { toFlag } from '../../db/values.js';
import type { GrantScope } from '../../shared/schemas/accounts.js';
import type { AccessAction, AccessEntry } from '../../shared/schemas/sharing.js';

const toEntry = (r: Selectable<AccessLogTable>): AccessEntry => ({
  id: r.id,
  action: r.action as AccessAction,
  scope: r.scope as GrantScope,
  showNames: r.showNames === 1,
  coach: { id: r.coachId, name: r.coachName, email: r.coachEmail },
  explorer: { id: r.explorerId, name: r.explorerName, email: r.explorerEmail },
  at: r.at,
  lastAt: r.lastAt,
  views: r.views,
});

const toRow = (e: AccessEntry): AccessLogTable => ({
  id: e.id,
  explorerId: e.explorer.id,
  explorerName: e.explorer.name,
  explorerEmail: e.explorer.email,
  coachId: e.coach.id,
  coachName: e.coach.name,
  coachEmail: e.coach.email,
  action: e.action,
  scope: e.scope,
  showNames: toFlag(e.showNames),
  at: e.at,
  lastAt: e.lastAt,
  views: e.views,
});

/** The audit of sharing on the accounts database: the only SQL about it. */
export function createAuditRepository(db: Kysely<Database>) {
  return {
    async insert(entry: AccessEntry): Promise<void> {
      await db.insertInto('accessLog').values(toRow(entry)).execute();
    },
    /** The latest look by this coach at this student's data of this scope, with or without names. */
    async lastView(explorerId: string, coachId: string, scope: GrantScope, showNames: boolean): Promise<AccessEntry | undefined> {
      const row = await db
        .selectFrom('accessLog')
        .selectAll()
        .where('explorerId', '=', explorerId)
        .where('coachId', '=', coachId)
        .where('action', '=', 'viewed')
        .where('scope', '=', scope)
        .where('showNames', '=', toFlag(showNames))
        .orderBy('lastAt', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toEntry(row);
    },
    /** One more look within an entry's window: it now ends at `lastAt`. */
    async extendView(id: string, lastAt: string): Promise<void> {
      await db
        .updateTable('accessLog')
        .set((eb) => ({ lastAt, views: eb('views', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
    /** One student's entries, the latest first. */
    async ofExplorer(explorerId: string, page: { limit: number; offset: number }): Promise<{ items: AccessEntry[]; total: number }> {
      const [rows, count] = await Promise.all([
        db.selectFrom('accessLog').selectAll().where('explorerId', '=', explorerId).orderBy('lastAt', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
        db.selectFrom('accessLog').select((eb) => eb.fn.countAll<string | number>().as('n')).where('explorerId', '=', explorerId).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toEntry), total: Number(count.n) };
    },
    /** Every entry from `since` on, oldest first, a page at a time (for the export). */
    async all({ since, limit, offset }: { since: string | null; limit: number; offset: number }): Promise<AccessEntry[]> {
      let query = db.selectFrom('accessLog').selectAll();
      if (since) query = query.where('lastAt', '>=', since);
      const rows = await query.orderBy('at').orderBy('id').limit(limit).offset(offset).execute();
      return rows.map(toEntry);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
