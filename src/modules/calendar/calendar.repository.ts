import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { EventVersion, EventVersions } from './calendar.rules.js';

/** What the calendar feed has published: the only SQL about calendars. */
export function createCalendarRepository(db: Kysely<Database>) {
  return {
    async versions(): Promise<EventVersions> {
      const rows = await db.selectFrom('calendarEvents').selectAll().execute();
      return Object.fromEntries(rows.map((r) => [r.uid, { start: r.startAt, end: r.endAt, sequence: Number(r.sequence), modified: r.modifiedAt }]));
    },
    async saveVersion(uid: string, v: EventVersion): Promise<void> {
      const row = { startAt: v.start, endAt: v.end, sequence: v.sequence, modifiedAt: v.modified };
      await db
        .insertInto('calendarEvents')
        .values({ uid, ...row })
        .onConflict((oc) => oc.column('uid').doUpdateSet(row))
        .execute();
    },
    async forget(uids: readonly string[]): Promise<void> {
      if (uids.length > 0) await db.deleteFrom('calendarEvents').where('uid', 'in', uids).execute();
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
