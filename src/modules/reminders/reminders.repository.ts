import type { Kysely } from 'kysely';
import type { Database, ReminderRoundsTable } from '../../db/database.js';
import type { ReminderOutcome, ReminderRound, ReminderTrigger } from '../../shared/schemas/reminders.js';

type RoundRow = { [K in keyof ReminderRoundsTable]: K extends 'sent' | 'waiting' | 'nothingDue' | 'alreadySent' | 'failed' ? number : ReminderRoundsTable[K] };

export const roundToRow = (round: ReminderRound & { startedBy: string | null }): RoundRow => ({
  id: round.id,
  trigger: round.trigger,
  startedBy: round.startedBy,
  startedAt: round.startedAt,
  finishedAt: round.finishedAt,
  people: round.people,
  sent: round.sent,
  waiting: round.waiting,
  nothingDue: round.nothingDue,
  alreadySent: round.alreadySent,
  failed: round.failed,
});

export const rowToRound = (row: RoundRow): ReminderRound => ({
  id: row.id,
  trigger: row.trigger as ReminderTrigger,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
  people: row.people === null ? null : Number(row.people),
  sent: Number(row.sent),
  waiting: Number(row.waiting),
  nothingDue: Number(row.nothingDue),
  alreadySent: Number(row.alreadySent),
  failed: Number(row.failed),
});

/** The rounds of morning reminders (in the accounts database). */
export function createRemindersRepository(db: Kysely<Database>) {
  const round = async (id: string): Promise<ReminderRound | undefined> => {
    const row = await db.selectFrom('reminderRounds').selectAll().where('id', '=', id).executeTakeFirst();
    return row && rowToRound(row);
  };
  /** Marks the round finished at `at` once its counts add up; true only for the one call that finished it. */
  const finishIfComplete = async (id: string, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('reminderRounds')
      .set({ finishedAt: at })
      .where('id', '=', id)
      .where('finishedAt', 'is', null)
      .where('people', 'is not', null)
      .where((eb) => eb(eb(eb(eb(eb('sent', '+', eb.ref('waiting')), '+', eb.ref('nothingDue')), '+', eb.ref('alreadySent')), '+', eb.ref('failed')), '>=', eb.ref('people')))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  };
  return {
    round,
    async insertRound(row: RoundRow): Promise<void> {
      await db.insertInto('reminderRounds').values(row).execute();
    },
    async deleteRound(id: string): Promise<void> {
      await db.deleteFrom('reminderRounds').where('id', '=', id).execute();
    },
    /** Sets how many people the round is for; a round for nobody is finished at once. True when that finished it. */
    async setPeople(id: string, people: number, at: string): Promise<boolean> {
      await db.updateTable('reminderRounds').set({ people }).where('id', '=', id).execute();
      return finishIfComplete(id, at);
    },
    /**
     * Counts one person's outcome (`dropped`: they no longer asked for reminders, so the round is for one person
     * fewer). True when this was the last outstanding person and the round is now finished.
     */
    async countOutcome(id: string, outcome: ReminderOutcome | 'dropped', at: string): Promise<boolean> {
      await db
        .updateTable('reminderRounds')
        .set((eb) => (outcome === 'dropped' ? { people: eb('people', '-', 1) } : { [outcome]: eb(outcome, '+', 1) }))
        .where('id', '=', id)
        .execute();
      return finishIfComplete(id, at);
    },
    /** The latest rounds, newest first. */
    async recentRounds(limit: number): Promise<ReminderRound[]> {
      return (await db.selectFrom('reminderRounds').selectAll().orderBy('startedAt', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(rowToRound);
    },
    async deleteRoundsBefore(cutoff: string): Promise<void> {
      await db.deleteFrom('reminderRounds').where('startedAt', '<', cutoff).execute();
    },
  };
}
