import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

/** The request history responsiveness is judged from, and the judgement kept on each person. */
export function createResponsivenessRepository(db: Kysely<Database>) {
  return {
    async requestHistory(contactId: string) {
      return db.selectFrom('interviews').select(['status', 'requestedAt', 'repliedAt']).where('contactId', '=', contactId).execute();
    },

    /** Every request anyone was sent, for recomputing everyone's responsiveness at once. */
    async allRequestHistories() {
      return db.selectFrom('interviews').select(['contactId', 'status', 'requestedAt', 'repliedAt']).where('requestedAt', 'is not', null).execute();
    },

    async setResponsiveness(contactId: string, responsiveness: string): Promise<void> {
      await db.updateTable('contacts').set({ responsiveness }).where('id', '=', contactId).where('responsiveness', '!=', responsiveness).execute();
    },
  };
}
