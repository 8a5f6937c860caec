import type { Kysely } from 'kysely';
import type { Database, InterviewNotesTable } from '../../db/database.js';
import { toJson, toUtcIso } from '../../db/values.js';
import type { Debrief, InterviewNote, LiveState } from '../../shared/schemas/conversation.js';

const toNote = (r: InterviewNotesTable): InterviewNote => ({
  id: r.id,
  interviewId: r.interviewId,
  body: r.body,
  agendaStep: r.agendaStep as InterviewNote['agendaStep'],
  questionCategory: r.questionCategory as InterviewNote['questionCategory'],
  keyQuestion: r.keyQuestion as InterviewNote['keyQuestion'],
  stance: r.stance as InterviewNote['stance'],
  questionId: r.questionId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const utc = (value: string | null) => (value ? toUtcIso(value) : value);

/** Notes taken during interviews, and interview mode's own columns on an interview. */
export function createConversationRepository(db: Kysely<Database>) {
  return {
    async notes(interviewIds: string[]): Promise<InterviewNote[]> {
      if (interviewIds.length === 0) return [];
      const rows = await db.selectFrom('interviewNotes').selectAll().where('interviewId', 'in', interviewIds).orderBy('createdAt').orderBy('id').execute();
      return rows.map(toNote);
    },

    async note(id: string): Promise<InterviewNote | undefined> {
      const row = await db.selectFrom('interviewNotes').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toNote(row);
    },

    async insertNote(note: InterviewNote): Promise<void> {
      await db.insertInto('interviewNotes').values(note).execute();
    },

    async updateNote(id: string, patch: Partial<Omit<InterviewNote, 'id' | 'interviewId' | 'createdAt'>>): Promise<void> {
      await db.updateTable('interviewNotes').set(patch).where('id', '=', id).execute();
    },

    async deleteNote(id: string): Promise<void> {
      await db.deleteFrom('interviewNotes').where('id', '=', id).execute();
    },

    /** Which of these note ids belong to the interview. */
    async noteIdsOf(interviewId: string, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('interviewNotes').select('id').where('interviewId', '=', interviewId).where('id', 'in', ids).execute();
      return new Set(rows.map((r) => r.id));
    },

    /** Stores interview mode's state, its start and end in the one canonical UTC form. */
    async setLive(interviewId: string, live: LiveState, updatedAt: string): Promise<void> {
      const stored = { ...live, startedAt: utc(live.startedAt), endedAt: utc(live.endedAt) };
      await db.updateTable('interviews').set({ live: toJson(stored), updatedAt }).where('id', '=', interviewId).execute();
    },

    async setDebrief(interviewId: string, debrief: Debrief, takeaways: string, updatedAt: string): Promise<void> {
      await db.updateTable('interviews').set({ debrief: toJson(debrief), takeaways, updatedAt }).where('id', '=', interviewId).execute();
    },
  };
}

export type ConversationRepository = ReturnType<typeof createConversationRepository>;
