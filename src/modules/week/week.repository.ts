import type { Kysely } from 'kysely';
import type { Database, WeeklyTargetsTable } from '../../db/database.js';
import type { WeeklyTargets } from '../../shared/schemas/week.js';
import { SUGGESTED_TARGETS, type WeekInterview } from './week.rules.js';

const TARGETS_ID = 'me';

export const targetsToRow = (targets: WeeklyTargets & { updatedAt: string }): WeeklyTargetsTable => ({
  id: TARGETS_ID,
  requests: targets.requests,
  conversations: targets.conversations,
  people: targets.people,
  updatedAt: targets.updatedAt,
});

export const rowToTargets = (row: WeeklyTargetsTable | undefined): WeeklyTargets =>
  row ? { requests: Number(row.requests), conversations: Number(row.conversations), people: Number(row.people), updatedAt: row.updatedAt } : { ...SUGGESTED_TARGETS, updatedAt: null };

/** The weekly targets, and the lean reads the weekly review counts. */
export function createWeekRepository(db: Kysely<Database>) {
  return {
    async targets(): Promise<WeeklyTargets> {
      return rowToTargets(await db.selectFrom('weeklyTargets').selectAll().where('id', '=', TARGETS_ID).executeTakeFirst());
    },

    async saveTargets(targets: WeeklyTargets & { updatedAt: string }): Promise<void> {
      const row = targetsToRow(targets);
      const { id: _id, ...changes } = row;
      await db
        .insertInto('weeklyTargets')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },

    /** Interviews with something to count since `since` (asked, answered, held or thanked), or still waiting for a reply. */
    async interviews(since: string): Promise<WeekInterview[]> {
      return db
        .selectFrom('interviews as i')
        .innerJoin('contacts as c', 'c.id', 'i.contactId')
        .select(['i.id', 'i.contactId', 'c.name', 'i.status', 'i.requestedAt', 'i.repliedAt', 'i.heldAt', 'i.thankedAt'])
        .where((eb) =>
          eb.or([
            eb('i.requestedAt', '>=', since),
            eb('i.repliedAt', '>=', since),
            eb('i.heldAt', '>=', since),
            eb('i.thankedAt', '>=', since),
            eb.and([eb('i.status', '=', 'requested'), eb('i.repliedAt', 'is', null)]),
          ]),
        )
        .orderBy('i.id')
        .execute();
    },

    /** When each person added since `since` was added. */
    async peopleAddedSince(since: string): Promise<string[]> {
      const rows = await db.selectFrom('contacts').select('createdAt').where('createdAt', '>=', since).execute();
      return rows.map((r) => r.createdAt);
    },
  };
}

export type WeekRepository = ReturnType<typeof createWeekRepository>;
