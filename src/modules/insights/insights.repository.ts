import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { toCount } from '../../db/values.js';
import type { Insights } from '../../shared/schemas/insights.js';
import type { GraphPerson, InsightInterview } from './insights.rules.js';

/** Lean reads for the insights page and the referral graph: only the columns they count. */
export function createInsightsRepository(db: Kysely<Database>) {
  return {
    async interviews(): Promise<InsightInterview[]> {
      const rows = await db.selectFrom('interviews').select(['status', 'requestedAt', 'repliedAt', 'scheduledAt', 'heldAt', 'thankedAt']).execute();
      return rows as InsightInterview[];
    },

    /** The responsiveness mix among people who were asked for a conversation. */
    async responsiveness(): Promise<Insights['responsiveness']> {
      const rows = await db
        .selectFrom('contacts')
        .select(['responsiveness', (eb) => eb.fn.countAll().as('n')])
        .where((eb) => eb.exists(eb.selectFrom('interviews').select(sql`1`.as('one')).whereRef('interviews.contactId', '=', 'contacts.id').where('interviews.requestedAt', 'is not', null)))
        .groupBy('responsiveness')
        .execute();
      const counts = { booster: 0, obligate: 0, curmudgeon: 0, unknown: 0 };
      for (const r of rows) if (r.responsiveness in counts) counts[r.responsiveness as keyof typeof counts] = toCount(r.n);
      return counts;
    },

    async referrals(): Promise<Array<{ from: string; to: string; status: string }>> {
      const rows = await db.selectFrom('referrals').select(['fromContactId', 'toContactId', 'status']).orderBy('createdAt').execute();
      return rows.map((r) => ({ from: r.fromContactId, to: r.toContactId, status: r.status }));
    },

    /** People on either end of a referral, with how many conversations were held with each. */
    async referralPeople(): Promise<GraphPerson[]> {
      const rows = await db
        .selectFrom('contacts as c')
        .leftJoin('organizations as o', 'o.id', 'c.organizationId')
        .select(['c.id', 'c.name', 'o.name as organization'])
        .select((eb) => eb.selectFrom('interviews as i').select(eb.fn.countAll().as('n')).whereRef('i.contactId', '=', 'c.id').where('i.heldAt', 'is not', null).as('conversations'))
        .where((eb) =>
          eb.or([
            eb.exists(eb.selectFrom('referrals as r').select(sql`1`.as('one')).whereRef('r.fromContactId', '=', 'c.id')),
            eb.exists(eb.selectFrom('referrals as r').select(sql`1`.as('one')).whereRef('r.toContactId', '=', 'c.id')),
          ]),
        )
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, organization: r.organization, conversations: toCount(r.conversations) }));
    },
  };
}
